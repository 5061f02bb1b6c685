import HallCore
import HallPrinter

extension TicketWording {
    /// A ticket's fixed lines from a message catalog's `ticket.*` keys (an absent key: empty).
    public init(catalog: MessageCatalog) {
        func text(_ key: String) -> String { catalog.text(key) ?? "" }
        self.init(
            yourNumber: text("ticket.yourNumber"), peopleAhead: text("ticket.peopleAhead"), noOneAhead: text("ticket.noOneAhead"),
            estimatedWait: text("ticket.estimatedWait"), issuedAt: text("ticket.issuedAt"),
            scanForProgress: text("ticket.scanForProgress"), courtesy: text("ticket.courtesy"))
    }
}
