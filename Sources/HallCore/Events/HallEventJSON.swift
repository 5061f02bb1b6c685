import Foundation

/// An event's JSON text exactly as `HallJSON.string(_:)` writes it (sorted keys, ISO 8601 dates
/// in whole seconds, slashes unescaped), written by hand: Foundation's `JSONEncoder` costs more
/// than all the SQL of a ticket issue. Anything outside the plain cases (a string needing an
/// escape, a non-ASCII data key, an exotic number, a date before 1970) is left to `JSONEncoder`
/// itself, so the text is the encoder's byte for byte either way.
public enum HallEventJSON {
    /// The JSON text of `event`, identical to `HallJSON.string(event)`.
    public static func text(_ event: HallEvent) throws -> String {
        var writer = Writer()
        if writer.write(event) { return String(decoding: writer.bytes, as: UTF8.self) }
        return try HallJSON.string(event)
    }

    /// Appends UTF-8 to a byte buffer (appending to a `String` piece by piece costs more than the
    /// encoder saved); each `write` returns false when it meets a value it does not write exactly
    /// as `JSONEncoder` would.
    private struct Writer {
        var bytes: [UInt8] = []
        /// Whether the object being written has no member yet.
        var first = true

        init() { bytes.reserveCapacity(640) }

        /// Keys in the order `.sortedKeys` gives (byte order): actor, at, data, id, ticket, type, window.
        mutating func write(_ event: HallEvent) -> Bool {
            open()
            if let actor = event.actor { key("actor"); guard string(actor) else { return false } }
            key("at")
            guard date(event.at) else { return false }
            if let data = event.data { key("data"); guard dictionary(data) else { return false } }
            key("id")
            integer(event.id)
            if let ticket = event.ticket { key("ticket"); guard write(ticket) else { return false } }
            key("type")
            guard string(event.type.rawValue) else { return false }
            if let window = event.window {
                key("window")
                integer(window)
            }
            close()
            return true
        }

        /// Keys in byte order: calledAt, closedAt, day, id, issuedAt, issuedServiceID, number, priority,
        /// recalls, sequence, servedSecondsBeforeHold, serviceID, servingAt, state, transfers, windowNumber.
        mutating func write(_ t: Ticket) -> Bool {
            open()
            if let calledAt = t.calledAt { key("calledAt"); guard date(calledAt) else { return false } }
            if let closedAt = t.closedAt { key("closedAt"); guard date(closedAt) else { return false } }
            key("day")
            guard string(t.day.description) else { return false }
            key("id")
            integer(t.id)
            key("issuedAt")
            guard date(t.issuedAt) else { return false }
            key("issuedServiceID")
            guard string(t.issuedServiceID) else { return false }
            key("number")
            guard string(t.number) else { return false }
            key("priority")
            guard string(t.priority.rawValue) else { return false }
            key("recalls")
            integer(t.recalls)
            key("sequence")
            integer(t.sequence)
            key("servedSecondsBeforeHold")
            guard number(t.servedSecondsBeforeHold) else { return false }
            key("serviceID")
            guard string(t.serviceID) else { return false }
            if let servingAt = t.servingAt { key("servingAt"); guard date(servingAt) else { return false } }
            key("state")
            guard string(t.state.rawValue) else { return false }
            key("transfers")
            integer(t.transfers)
            if let windowNumber = t.windowNumber {
                key("windowNumber")
                integer(windowNumber)
            }
            close()
            return true
        }

        mutating func open() {
            bytes.append(UInt8(ascii: "{"))
            first = true
        }

        mutating func close() {
            bytes.append(UInt8(ascii: "}"))
            first = false
        }

        /// Writes `"name":` for a fixed member name, after a comma unless it is the object's first.
        mutating func key(_ name: StaticString) {
            separate()
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }

        mutating func separate() {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
        }

        /// A string that needs no escape: no control character, quote or backslash. Other
        /// characters, slashes and non-ASCII ones included, are written as they are.
        mutating func string(_ value: String) -> Bool {
            var copy = value
            return copy.withUTF8 { utf8 in
                guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
                return true
            }
        }

        /// Data keys are sorted as the encoder sorts them only when they are ASCII.
        mutating func dictionary(_ value: [String: String]) -> Bool {
            guard value.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return false }
            open()
            for name in value.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                separate()
                guard string(name), let entry = value[name] else { return false }
                bytes.append(UInt8(ascii: ":"))
                guard string(entry) else { return false }
            }
            close()
            return true
        }

        /// Decimal digits, with a minus sign when negative.
        mutating func integer<T: BinaryInteger>(_ value: T) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = UInt64(value.magnitude)
            var width = 1
            var divisor: UInt64 = 1
            while magnitude / divisor >= 10 {
                divisor *= 10
                width += 1
            }
            for _ in 0..<width {
                bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
                magnitude %= divisor
                divisor /= 10
            }
        }

        /// Whole numbers below 10^15 (the encoder writes `12`, not `12.0`) and plain decimals
        /// (`12.5`, written as Swift's shortest round-trip form); larger whole numbers, exponents and
        /// negative zero are left out.
        mutating func number(_ value: Double) -> Bool {
            guard value.isFinite, !(value == 0 && value.sign == .minus) else { return false }
            if value.rounded(.towardZero) == value {
                guard value.magnitude < 1e15 else { return false }
                integer(Int64(value))
                return true
            }
            let decimal = value.description
            guard
                decimal.utf8.allSatisfy({
                    ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
                        || $0 == UInt8(ascii: "-")
                })
            else { return false }
            bytes.append(contentsOf: decimal.utf8)
            return true
        }

        /// `yyyy-MM-ddTHH:mm:ssZ` in UTC, seconds rounded down, for 1970 to 9999. Left to the encoder
        /// when the whole second is ambiguous between the date's two time bases.
        mutating func date(_ value: Date) -> Bool {
            let sinceReference = value.timeIntervalSinceReferenceDate.rounded(.down)
            let since1970 = value.timeIntervalSince1970.rounded(.down)
            guard since1970 >= 0, since1970 < 253_402_300_800, sinceReference + 978_307_200 == since1970 else { return false }
            let seconds = Int(since1970)
            let day = LocalDay(daysSinceEpoch: seconds / 86_400)
            let time = seconds % 86_400
            bytes.append(UInt8(ascii: "\""))
            digits(day.year, 4, then: "-")
            digits(day.month, 2, then: "-")
            digits(day.day, 2, then: "T")
            digits(time / 3600, 2, then: ":")
            digits(time / 60 % 60, 2, then: ":")
            digits(time % 60, 2, then: "Z")
            bytes.append(UInt8(ascii: "\""))
            return true
        }

        /// `value` (0 to 9999) in `width` digits, zero-padded, then `separator`.
        mutating func digits(_ value: Int, _ width: Int, then separator: Unicode.Scalar) {
            if width == 4 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / 1000))
                bytes.append(UInt8(ascii: "0") + UInt8(value / 100 % 10))
            }
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
            bytes.append(UInt8(ascii: separator))
        }
    }
}
