import Foundation
import HallCore
import HallStore
import Logging
import Synchronization

/// Store-and-forward of the hall's event log to the banner's hub. SQLite stays the hall's truth:
/// the link reads the events after the acknowledged sequence, sends them in log order in batches,
/// and moves the acknowledged sequence only when the hub answers after its commit. A lost answer
/// means a resend, which the hub skips by (hall, sequence); the hub's `gap` and `replayed`
/// refusals resynchronise the link. While the hub is away it backs off (`SyncBackoff`).
public final class HubLink: Sendable {
    /// What one round did.
    public enum Round: Equatable, Sendable {
        /// Nothing to send.
        case idle
        /// A batch was acknowledged; `more` when the log has more after it.
        case sent(applied: Int, acknowledged: Int64, more: Bool)
        /// The hub's refusal moved the acknowledged sequence or the send number; try again now.
        case resynchronised
        /// Enrolled with the code: the hall has its credential now.
        case enrolled
        /// The hub's new publications were applied (or refused by the hall's validation) and reported.
        case published(applied: Int, refused: Int)
    }

    /// The link's condition, for `/healthz`, `/metrics` and the console.
    public struct Status: Sendable, Equatable {
        public var lag = SyncLag(events: 0, seconds: 0, lastAcknowledgedAt: nil)
        /// Failed attempts in a row (0: the last one worked).
        public var failures = 0
        /// The last failure, in Chinese.
        public var lastError: String?
    }

    let settings: HubLinkConfiguration
    let outbox: SQLiteHubOutbox
    let client: HubClient
    let clock: any HallClock
    let logger: Logger
    /// Applies the banner's catalog and calendars (nil: the link does not fetch them).
    let applier: (any HubPublicationApplier)?
    private let state = Mutex(Status())
    /// When the link last asked the hub for publications.
    private let lastPull = Mutex<Date?>(nil)
    /// How often an idle link asks the hub for new publications.
    static let publicationIntervalSeconds: Double = 60

    init(
        settings: HubLinkConfiguration, outbox: SQLiteHubOutbox, clock: any HallClock, logger: Logger,
        applier: (any HubPublicationApplier)? = nil
    ) {
        self.applier = applier
        self.settings = settings
        self.outbox = outbox
        client = HubClient(base: settings.url, caFile: settings.caFile)
        self.clock = clock
        self.logger = logger
    }

    public var status: Status { state.withLock { $0 } }

    /// One step: enroll if the hall has no credential yet, else send the next batch.
    public func round() async throws -> Round {
        let link = try await outbox.state()
        guard let secret = link.secret(for: settings.hall) else { return try await enroll() }
        let events = try await outbox.events(after: link.acknowledged, limit: settings.batchSize + 1)
        guard !events.isEmpty else {
            let now = clock.now()
            let due = lastPull.withLock { $0.map { now.timeIntervalSince($0) >= Self.publicationIntervalSeconds } ?? true }
            guard due, applier != nil else { return .idle }
            let (applied, refused) = try await pullPublications()
            return applied + refused == 0 ? .idle : .published(applied: applied, refused: refused)
        }
        // The windows go along as they are now; a list the hub would refuse (SyncWindow.isValid) stays home.
        let windows = try await outbox.windows()
        let batch = SyncBatch(
            hall: settings.hall, send: try await outbox.takeSendNumber(), after: link.acknowledged,
            events: events.prefix(settings.batchSize).map(SyncProjection.project), windows: SyncWindow.isValid(windows) ? windows : nil)
        switch try await client.send(batch, secret: secret) {
        case .acknowledged(let ack):
            try await outbox.acknowledge(sequence: ack.sequence, at: clock.now())
            return .sent(applied: ack.applied, acknowledged: ack.sequence, more: events.count > settings.batchSize)
        case .refused(_, let refusal) where refusal.error == "gap":
            let expected = refusal.expectedAfter ?? 0
            logger.warning("hub holds events up to \(expected) only (acknowledged here: \(link.acknowledged)); resending from there")
            try await outbox.acknowledge(sequence: expected, at: clock.now())
            return .resynchronised
        case .refused(_, let refusal) where refusal.error == "replayed":
            try await outbox.raiseSendNumber(to: refusal.lastSend ?? batch.send)
            return .resynchronised
        case .refused(let status, let refusal):
            throw HubLinkError.refused(status: status, code: refusal.error, message: refusal.message ?? "")
        }
    }

    private func enroll() async throws -> Round {
        guard !settings.enrollmentCode.isEmpty else { throw HubLinkError.notEnrolled("未配置接入码（hub.enrollmentCode）") }
        switch try await client.enroll(HubEnrollmentRequest(hall: settings.hall, code: settings.enrollmentCode)) {
        case .success(let grant):
            try await outbox.saveCredential(hall: grant.hall, secret: grant.secret)
            logger.info("enrolled at the hub as \(grant.hall)")
            return .enrolled
        case .failure(let refusal):
            throw HubLinkError.notEnrolled(refusal.message ?? refusal.error)
        }
    }

    /// Fetches the hub's publications this hall has not reported on, applies each in order with
    /// the same validation as a local import, and reports applied or refused (with the reason).
    /// Returns how many were applied and refused.
    @discardableResult
    public func pullPublications() async throws -> (applied: Int, refused: Int) {
        guard let applier, let secret = try await outbox.state().secret(for: settings.hall) else { return (0, 0) }
        lastPull.withLock { $0 = clock.now() }
        var counts = (applied: 0, refused: 0)
        for publication in try await client.publications(hall: settings.hall, secret: secret) {
            let report: HubPublicationReport
            do {
                try await applier.apply(publication)
                report = HubPublicationReport(applied: true, message: "\(publication.kind.label) \(publication.label) 已启用")
                counts.applied += 1
            } catch let failure as any HallFailure {
                report = HubPublicationReport(applied: false, message: failure.message)
                counts.refused += 1
            } catch {
                report = HubPublicationReport(applied: false, message: "无法导入：\(type(of: error))")
                counts.refused += 1
            }
            if !report.applied { logger.warning("hub publication #\(publication.id) refused: \(report.message)") }
            try await client.report(report, of: publication.id, hall: settings.hall, secret: secret)
        }
        return counts
    }

    /// Runs rounds until cancelled: at once while there is more to send, every `intervalSeconds`
    /// when idle, and after `SyncBackoff`'s wait when the hub is away or refuses.
    public func run() async {
        let backoff = SyncBackoff(initialSeconds: settings.initialBackoffSeconds, maximumSeconds: settings.maxBackoffSeconds)
        var resyncs = 0
        while !Task.isCancelled {
            var wait = settings.intervalSeconds
            do {
                let round = try await round()
                state.withLock { $0.failures = 0; $0.lastError = nil }
                switch round {
                case .sent(_, _, true), .enrolled, .published: wait = 0
                case .resynchronised:
                    resyncs += 1
                    wait = resyncs > 3 ? backoff.delay(afterFailures: resyncs - 3) : 0
                case .sent, .idle: break
                }
                if case .resynchronised = round {} else { resyncs = 0 }
            } catch is CancellationError {
                return
            } catch {
                let failures = state.withLock { status in
                    status.failures += 1
                    status.lastError = (error as? HubLinkError)?.description ?? "中心无法连接"
                    return status.failures
                }
                if failures == 1 || failures % 10 == 0 { logger.warning("hub link: \(error) (attempt \(failures))") }
                wait = backoff.delay(afterFailures: failures)
            }
            await refreshLag()
            guard wait > 0 else { continue }
            do { try await Task.sleep(for: .milliseconds(Int(min(wait, 86_400) * 1000))) } catch { return }
        }
    }

    /// Reads the lag from the log into `status`.
    @discardableResult
    public func refreshLag() async -> SyncLag {
        guard let lag = try? await outbox.lag(at: clock.now()) else { return status.lag }
        state.withLock { $0.lag = lag }
        return lag
    }
}
