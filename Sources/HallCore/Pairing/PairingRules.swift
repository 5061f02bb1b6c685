import Foundation

/// The rules of device pairing: what a code pairs, how long it is valid (10 minutes), that it is
/// used once, and how many may wait unused. Pure functions of the ticket and `now`.
public enum PairingRules {
    /// How long an issued code may be claimed.
    public static let validitySeconds: TimeInterval = 600
    /// The most codes that may wait unused at once (the 10⁶ codes stay sparse).
    public static let maxPending = 20

    /// A new ticket for a code whose hash is `codeHash`, after checking what it pairs: a rating pad
    /// names one of `windows`, a kiosk or a screen none; the name is one line of 1–32 characters
    /// (empty: the kind's name, with the window for a pad).
    public static func ticket(
        codeHash: String, kind: DeviceKind, window: Int?, name: String?, windows: [Int], issuedBy: String, at now: Date
    ) throws -> PairingTicket {
        if kind.facesWindow {
            guard let window else { throw PairingError.windowRequired }
            guard windows.contains(window) else { throw PairingError.unknownWindow(window) }
        } else if window != nil {
            throw PairingError.windowNotAllowed
        }
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let label = trimmed.isEmpty ? window.map { "\($0)号窗口\(kind.label)" } ?? kind.label : trimmed
        guard label.count <= 32, TextRules.problem(in: label) == nil, !label.contains(where: \.isNewline) else {
            throw PairingError.invalidName
        }
        return PairingTicket(
            codeHash: codeHash, kind: kind, window: window, name: label, issuedBy: issuedBy, issuedAt: now,
            expiresAt: now.addingTimeInterval(validitySeconds))
    }

    /// Throws unless another code may be issued while `pending` codes wait unused.
    public static func checkPending(_ pending: Int) throws {
        if pending >= maxPending { throw PairingError.tooManyPendingCodes(pending) }
    }

    /// Whether `ticket` is still waiting to be claimed at `now`.
    public static func isPending(_ ticket: PairingTicket, at now: Date) -> Bool {
        ticket.usedAt == nil && now < ticket.expiresAt
    }

    /// The ticket a device claims with its code, marked used — or why not: no ticket has this code
    /// (`wrongCode`), it was used (`usedCode`), it expired (`expiredCode`), or it pairs another kind
    /// of device than the page asking (`kindMismatch`, the code stays valid).
    public static func claim(_ ticket: PairingTicket?, asking page: DeviceKind?, at now: Date) throws -> PairingTicket {
        guard var ticket else { throw PairingError.wrongCode }
        guard ticket.usedAt == nil else { throw PairingError.usedCode }
        guard now < ticket.expiresAt else { throw PairingError.expiredCode }
        if let page, page != ticket.kind { throw PairingError.kindMismatch(code: ticket.kind, page: page) }
        ticket.usedAt = now
        return ticket
    }

    /// Whether a failed claim counts as a guess against the throttle: every refusal but a kind
    /// mismatch (whose code is right) does.
    public static func countsAsGuess(_ error: PairingError) -> Bool {
        switch error {
        case .kindMismatch, .throttled: false
        default: true
        }
    }
}
