import Foundation
import HallIDCard

/// An emulated ID card reader speaking the SAM protocol (GA 467): answers find, select and read
/// from a set of cards (fictitious people, `IDCardFixture`), one of which may lie on the reader.
/// Faults can be switched on to test the host: a bad checksum, a card removed mid-read, a card
/// type Hall does not read, silence, and an unplug in the middle of the answer.
public final class VirtualIDCardReader: @unchecked Sendable {
    /// What the reader does wrong, until `times` answers have shown it (nil: for good).
    public enum Fault: String, Codable, Sendable, CaseIterable {
        /// Every answer's checksum is wrong.
        case badChecksum = "bad-checksum"
        /// The card leaves the field during the read: 30 01 answers 0x41 and the card is gone.
        case cardRemoved = "card-removed"
        /// A card that is not an ID card: select answers 0x40.
        case wrongCard = "wrong-card"
        /// No answer at all.
        case timeout
        /// Half of the text-and-photo answer, then the device vanishes.
        case unplug
    }

    /// What the reader should do with an answer.
    public enum Action: Equatable, Sendable {
        /// Send these bytes.
        case send([UInt8])
        /// Send these bytes, then disappear (the pty closes).
        case sendThenVanish([UInt8])
        /// Say nothing.
        case silence
    }

    /// One request the reader received (for tests).
    public struct Received: Equatable, Sendable {
        /// The command; nil when the frame was damaged.
        public var command: SAMCommand?
        /// The status answered; nil when nothing was answered.
        public var answered: SAMStatus?
    }

    public let cards: [IDCardTextFields]
    /// Called for every request received (under the reader's lock: do not call back into it).
    public var onRequest: (@Sendable (Received) -> Void)? {
        get { lock.withLock { observer } }
        set { lock.withLock { observer = newValue } }
    }
    private var observer: (@Sendable (Received) -> Void)?
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var placed: IDCardTextFields?
    private var cycleIndex: Int?
    private var fault: (kind: Fault, remaining: Int?)?
    private var log: [Received] = []

    /// - Parameter cycling: the demo hall's mode: a card always lies on the reader, the next one of
    ///   `cards` after each read (there is no hand to place one).
    public init(cards: [IDCardTextFields], cycling: Bool = false) {
        self.cards = cards
        cycleIndex = cycling && !cards.isEmpty ? 0 : nil
    }

    /// Puts card `index` of `cards` on the reader (nil when out of range).
    @discardableResult
    public func place(_ index: Int) -> IDCardTextFields? {
        guard cards.indices.contains(index) else { return nil }
        lock.withLock { placed = cards[index] }
        return cards[index]
    }

    /// Puts a card with these fields on the reader.
    public func place(_ card: IDCardTextFields) { lock.withLock { placed = card } }

    /// Takes the card away.
    public func remove() { lock.withLock { placed = nil } }

    /// Whether a card lies on the reader.
    public var hasCard: Bool { lock.withLock { currentCard != nil } }

    /// Switches `kind` on for the next `times` answers it applies to (nil: until cleared).
    public func inject(_ kind: Fault?, times: Int? = nil) {
        lock.withLock { fault = kind.map { ($0, times) } }
    }

    /// Requests received so far.
    public var received: [Received] { lock.withLock { log } }

    /// Feeds bytes from the host; returns what to do for each whole request they complete.
    public func receive(_ bytes: [UInt8]) -> [Action] {
        lock.withLock {
            buffer += bytes
            var actions: [Action] = []
            while let decoded = SAMFrameDecoder.next(from: &buffer) {
                switch decoded {
                case .frame(let frame):
                    guard let command = SAMCommand(frame: frame) else {
                        actions.append(reply(SAMReply(status: .lengthError), to: nil))
                        continue
                    }
                    actions.append(answer(command))
                case .badChecksum:
                    actions.append(reply(SAMReply(status: .checksumError), to: nil))
                case .badLength:
                    actions.append(reply(SAMReply(status: .lengthError), to: nil))
                }
            }
            return actions
        }
    }

    // MARK: Answers (lock held)

    private var currentCard: IDCardTextFields? {
        if let placed { return placed }
        return cycleIndex.map { cards[$0] }
    }

    private func answer(_ command: SAMCommand) -> Action {
        if take(.timeout) {
            record(Received(command: command, answered: nil))
            return .silence
        }
        switch (command.code, command.parameter) {
        case (0x10, _), (0x11, _):
            return reply(SAMReply(status: .success), to: command)
        case (0x12, _):
            return reply(SAMReply(status: .success, data: [UInt8](repeating: 0, count: 16)), to: command)
        case (0x20, 0x01):
            guard currentCard != nil else { return reply(SAMReply(status: .noCard), to: command) }
            return reply(SAMReply(status: .cardFound, data: [0, 0, 0, 0]), to: command)
        case (0x20, 0x02):
            guard currentCard != nil else { return reply(SAMReply(status: .selectFailed), to: command) }
            if take(.wrongCard) { return reply(SAMReply(status: .unknownCardType), to: command) }
            return reply(SAMReply(status: .success, data: [UInt8](repeating: 0, count: 8)), to: command)
        case (0x30, 0x01):
            guard let card = currentCard else { return reply(SAMReply(status: .readFailed), to: command) }
            if take(.cardRemoved) {
                placed = nil
                return reply(SAMReply(status: .readFailed), to: command)
            }
            let answer = SAMReply(status: .success, data: SAMReadPayload.encode(text: IDCardTextBlock.encode(card)))
            if take(.unplug) {
                record(Received(command: command, answered: .success))
                let bytes = answer.frame.bytes
                return .sendThenVanish(Array(bytes.prefix(bytes.count / 2)))
            }
            if let i = cycleIndex, placed == nil { cycleIndex = (i + 1) % cards.count }
            return reply(answer, to: command)
        default:
            return reply(SAMReply(status: .commandError), to: command)
        }
    }

    private func reply(_ reply: SAMReply, to command: SAMCommand?) -> Action {
        record(Received(command: command, answered: reply.status))
        var bytes = reply.frame.bytes
        if take(.badChecksum), let last = bytes.indices.last { bytes[last] ^= 0xFF }
        return .send(bytes)
    }

    private func record(_ received: Received) {
        log.append(received)
        observer?(received)
    }

    /// Whether `kind` is on; counts one use.
    private func take(_ kind: Fault) -> Bool {
        guard let f = fault, f.kind == kind else { return false }
        if let remaining = f.remaining {
            fault = remaining <= 1 ? nil : (kind, remaining - 1)
        }
        return true
    }
}
