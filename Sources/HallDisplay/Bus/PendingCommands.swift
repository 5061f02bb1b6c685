import Foundation

/// Commands waiting for the bus worker, oldest first. A newer command for the same screen and the
/// same slot (content, brightness, ping) replaces the older one in place: a stale call is never
/// shown after a newer one, and the queue stays bounded by screens × slots.
struct PendingCommands {
    enum Slot: Hashable {
        case content, brightness, ping

        init(_ command: ScreenCommand) {
            switch command {
            case .showCall, .showIdleText, .showImage, .clear: self = .content
            case .brightness: self = .brightness
            case .ping: self = .ping
            }
        }
    }

    struct Entry {
        let window: Int
        let address: UInt8
        let command: ScreenCommand
        let frame: [UInt8]
        var slot: Slot { Slot(command) }
    }

    private var entries: [Entry] = []

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    /// Adds `entry`; returns whether it replaced a pending one.
    @discardableResult
    mutating func push(_ entry: Entry) -> Bool {
        if let i = entries.firstIndex(where: { $0.address == entry.address && $0.slot == entry.slot }) {
            entries[i] = entry
            return true
        }
        entries.append(entry)
        return false
    }

    /// Puts back an entry that could not be sent, unless a newer one for its slot arrived meanwhile.
    mutating func restore(_ entry: Entry) {
        guard !hasPending(address: entry.address, slot: entry.slot) else { return }
        entries.insert(entry, at: 0)
    }

    mutating func popFirst() -> Entry? { entries.isEmpty ? nil : entries.removeFirst() }

    func hasPending(address: UInt8, slot: Slot) -> Bool {
        entries.contains { $0.address == address && $0.slot == slot }
    }
}
