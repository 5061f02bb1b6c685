import Foundation
import HallCore
import HallPrinter
import HallStore
import HallTransport
import Logging

/// The home-visit receipt (上门服务回执) in the ticket printer's ESC/POS protocol, for the visiting team's
/// portable Bluetooth/USB receipt printer: laid out with `ReceiptLayout`, printed through a durable
/// `PrintSpooler` (journaled in SQLite, retried until printed) over TCP, a tty (Bluetooth SPP) or a
/// kernel character device (USB).
public final class VisitReceipts: Sendable {
    /// The spooler of the configured printer; nil without one (receipts are then fetched as bytes).
    public let spooler: PrintSpooler?
    /// The configured profile (also used for downloads without `?profile=`).
    public let profile: PrinterProfile
    let catalog: PrinterProfileCatalog?
    private let center: HallConfiguration.Center
    private let timeZone: TimeZone
    /// The hall's resident wording: a bilingual hall's receipts carry the fixed lines' twins.
    private let wording: ResidentWording?

    init(configuration: HallConfiguration, database: HallDatabase, wording: ResidentWording? = nil, logger: Logger) throws {
        self.wording = wording
        let settings = configuration.appointments.receiptPrinter
        let directory = URL(fileURLWithPath: configuration.devicesDirectory).appendingPathComponent("printers")
        catalog = try? PrinterProfileCatalog(directory: directory)
        profile = catalog?.profile(id: settings.profile) ?? .generic58mm
        center = configuration.center
        timeZone = configuration.queue.timeZone
        guard let connect = Self.connection(settings) else {
            spooler = nil
            return
        }
        spooler = PrintSpooler(
            printer: TicketPrinter(profile: profile, timing: .init(statusReplyMilliseconds: 1_500), connect: connect),
            journal: SQLitePrintJobJournal(journal: SQLiteJobJournal(database, kind: "visit-receipt")))
        logger.info("visit receipt printer: \(settings.transport.rawValue) \(settings.address), profile \(profile.id)")
    }

    /// The receipt of `visit` as a printable document. Personal data is masked.
    /// - Parameter linkedCase: the case opened on site, once accepted: its number and the keyed path
    ///   of its public status (the QR code).
    func document(_ visit: HomeVisit, sequence: Int, linkedCase: (number: String, statusPath: String)?) -> ReceiptDocument {
        var t = ReceiptWording(wording: wording, centerName: center.name, mongolianName: center.mongolianName)
        var fields = [
            t.field("receipt.number", "\(visit.number)-\(sequence)"),
            t.field("receipt.item", visit.itemName),
            t.field("receipt.applicant", PersonalDataMask.name(visit.applicant.name)),
            t.field("receipt.phone", visit.applicant.phone.masked),
        ]
        if let agent = visit.agent {
            fields.append(t.field("receipt.agent", "\(PersonalDataMask.name(agent.name))（\(agent.relation)）"))
        }
        if let outcome = visit.outcome {
            fields.append(t.field("receipt.visitDate", outcome.on.description))
            fields.append(t.field("receipt.summary", outcome.summary))
            if outcome.finishedOnSite {
                fields.append(t.field("receipt.result", fixedValue: "receipt.finishedOnSite"))
            } else {
                if let deadline = outcome.deadline {
                    fields.append(t.field("receipt.result", fixedValue: "receipt.value.unfinishedBy", dates: ["date": deadline]))
                } else {
                    fields.append(t.field("receipt.result", fixedValue: "receipt.value.followUp"))
                }
                if let rest = outcome.unfinished { fields.append(t.field("receipt.pending", rest)) }
            }
        }
        if let staff = visit.plan?.staff, !staff.isEmpty {
            fields.append(t.field("receipt.staff", staff.map(\.displayName).joined(separator: "、")))
        }
        if let linkedCase { fields.append(t.field("receipt.caseNumber", linkedCase.number)) }
        fields.append(t.field("receipt.fee", fixedValue: "receipt.free"))
        let title = t.line("receipt.title")
        let footer = [t.line("receipt.enquiries", ["phone": center.phone]), t.line("receipt.issuedOnSite")]
        return ReceiptDocument(
            title: title, subtitleLines: [center.name],
            fields: fields, qrPayload: linkedCase.map { center.publicURL($0.statusPath) },
            footerLines: footer, secondScript: t.secondScript)
    }

    /// The ESC/POS bytes of a receipt for `profileID` (the configured profile when nil).
    func bytes(_ receipt: ReceiptDocument, profileID: String?) throws -> [UInt8] {
        let chosen: PrinterProfile
        if let profileID, !profileID.isEmpty {
            guard let found = catalog?.profile(id: profileID) else { throw APIError.invalidParameter(name: "profile", value: profileID) }
            chosen = found
        } else {
            chosen = profile
        }
        do { return try ReceiptLayout().encode(receipt, for: chosen) } catch {
            throw APIError.invalidParameter(name: "profile", value: "\(chosen.id)（\(error)）")
        }
    }

    /// Prints the receipt now, or keeps it and retries until the printer is back.
    func print(_ receipt: ReceiptDocument, jobID: String) async -> PrintReport {
        guard let spooler else {
            return PrintReport(status: .disabled, message: "未配置回执打印机：请用 hallctl visit receipt --out /dev/rfcomm0 在随身打印机上打印。")
        }
        return await spooler.submit(
            PrintJob(id: jobID, document: .receipt(receipt, ReceiptLayout())),
            wording: .init(
                printed: "回执已打印。", queued: { "回执打印失败（\($0)），打印机恢复后将自动补打。" }, failed: { "回执无法打印（\($0)）。" }))
    }

    /// Retries pending receipts until cancelled (halld runs it with the sweep).
    public func run() async {
        guard let spooler else { return }
        await spooler.restorePending()
        await spooler.run()
    }

    private static func connection(_ settings: AppointmentConfiguration.ReceiptPrinter) -> DeviceConnectionFactory? {
        switch settings.transport {
        case .none:
            return nil
        case .tcp:
            let (host, port) = TCPAddress.parse(settings.address)
            return { TCPConnection(host: host, port: port) }
        case .tty:
            let path = settings.address
            let serial = SerialSettings(baudRate: settings.baudRate)
            return { TTYConnection(path: path, settings: serial) }
        case .device:
            let path = settings.address
            return { CharacterDeviceConnection(path: path) }
        }
    }
}
