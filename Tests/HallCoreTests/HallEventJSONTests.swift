import Foundation
import Testing

@testable import HallCore

/// `HallEventJSON` must write exactly what `JSONEncoder` (through `HallJSON`) writes.
@Suite("Event JSON")
struct HallEventJSONTests {
    static let issuedAt = Date(timeIntervalSince1970: 1_795_624_200)

    static func ticket(_ change: (inout Ticket) -> Void = { _ in }) -> Ticket {
        var ticket = Ticket(
            id: 41, number: "B014", day: LocalDay(year: 2026, month: 11, day: 26), sequence: 14,
            serviceID: "social-insurance", priority: .normal, issuedAt: issuedAt)
        change(&ticket)
        return ticket
    }

    static func expectSameText(_ event: HallEvent, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = try HallEventJSON.text(event)
        let encoded = try HallJSON.string(event)
        #expect(written == encoded, sourceLocation: sourceLocation)
    }

    @Test("an issued ticket's event")
    func issued() throws {
        var event = HallEvent(
            type: .ticketIssued, at: Self.issuedAt, ticket: Self.ticket(), actor: "kiosk",
            data: ["peopleAhead": "3", "estimatedWaitMinutes": "12"])
        event.id = 9_001
        try Self.expectSameText(event)
        #expect(try HallEventJSON.text(event).hasPrefix(#"{"actor":"kiosk","at":"2026-11-25T16:30:00Z","data":{"estimatedWait"#))
    }

    @Test("every optional field present, and every one absent")
    func optionals() throws {
        let full = Self.ticket {
            $0.state = .done
            $0.priority = .greenChannel
            $0.calledAt = Self.issuedAt.addingTimeInterval(600.25)
            $0.servingAt = Self.issuedAt.addingTimeInterval(700.999)
            $0.closedAt = Self.issuedAt.addingTimeInterval(1_300.5)
            $0.windowNumber = 3
            $0.recalls = 2
            $0.transfers = 1
            $0.issuedServiceID = "comprehensive"
            $0.servedSecondsBeforeHold = 125
        }
        try Self.expectSameText(HallEvent(type: .ticketFinished, at: Self.issuedAt, ticket: full, window: 3, actor: "clerk3"))
        try Self.expectSameText(HallEvent(type: .windowPaused, at: Self.issuedAt))
        try Self.expectSameText(HallEvent(type: .windowPaused, at: Self.issuedAt, window: 12, data: [:]))
    }

    @Test("service seconds: whole, decimal and exotic numbers")
    func numbers() throws {
        for seconds in [0, 1, 12.5, 0.1, 1_234.567, 99_999_999_999_999, 1e15, 1e16, 1e-5, 3.4e-7, -0.0, -2, 1 / 3.0] {
            try Self.expectSameText(
                HallEvent(
                    type: .ticketResumed, at: Self.issuedAt,
                    ticket: Self.ticket { $0.servedSecondsBeforeHold = seconds }))
        }
    }

    @Test("dates: fractions, boundaries and the years the fast path leaves to the encoder")
    func dates() throws {
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [
            0, 0.5, 59.999_999, 86_399.999_999_9, 951_782_400, 253_402_300_799.9, 253_402_300_800, -0.5, -86_400,
            1_795_624_200.999_999_9, 1_795_624_199.999_999_99, 978_307_200, 978_307_199.999_999_9,
        ]
        for _ in 0..<300 { instants.append(Double.random(in: 0...4_102_444_800, using: &generator)) }
        for _ in 0..<100 { instants.append(Double(Int.random(in: 0...4_102_444_800, using: &generator)) - 1e-7) }
        for instant in instants {
            try Self.expectSameText(HallEvent(type: .ticketCalled, at: Date(timeIntervalSince1970: instant), window: 1))
            try Self.expectSameText(HallEvent(type: .ticketCalled, at: Date(timeIntervalSinceReferenceDate: instant), window: 1))
        }
    }

    @Test("strings that need escapes, non-ASCII text and data keys")
    func strings() throws {
        let texts = ["张三", "a/b", "quote\"d", "back\\slash", "line\nbreak", "tab\t", "\u{1}", "\u{7f}", "\u{2028}", "é", "", "😀"]
        for text in texts {
            try Self.expectSameText(
                HallEvent(
                    type: EventType(rawValue: "test.\(text)"), at: Self.issuedAt, actor: text,
                    data: [text: text, "fromService": text, "Z": "z", "a": "A"]))
            try Self.expectSameText(
                HallEvent(
                    type: .ticketIssued, at: Self.issuedAt,
                    ticket: Self.ticket {
                        $0.number = text; $0.serviceID = text
                    }))
        }
    }
}
