import Foundation
import HallCore
import HallIDCard
import HallTestSupport
import Testing

/// The refusals residents meet at the kiosk, on the status page and on the rating pad are said in
/// every language of a bilingual hall: each has an `error.<code>` entry whose Chinese, filled with
/// the values halld sends, is halld's own message, and whose other languages take the same values.
@Suite("Residents' refusals and the message catalogs")
struct ErrorWordingTests {
    /// One failure of each resident-facing code, with values where its message has them.
    static let failures: [any HallFailure] = [
        IDCardReaderError.noCard, IDCardReaderError.cardRemoved, IDCardReaderError.unknownCardType,
        IDCardReaderError.corruptFrame("crc"), IDCardReaderError.malformedAnswer("len"), IDCardReaderError.timeout,
        IDCardReaderError.disconnected("/dev/ttyUSB0"), IDCardReaderError.inaccessible("/dev/ttyUSB0"),
        IDCardReaderError.noReader, IDCardError.expired,
        CardTicketError.openTicketExists(ticket: "B012"), CardTicketError.dailyLimitReached(limit: 3),
        CardTicketError.noBookingToday,
        AppointmentError.unknownCode, AppointmentError.notToday(LocalDay(year: 2026, month: 12, day: 12)),
        AppointmentError.tooEarlyToCheckIn(slot: "09:00–10:00", from: "08:30"),
        AppointmentError.checkInClosed("09:00–10:00"), AppointmentError.alreadyCheckedIn(ticket: "Y003"),
        RatingError.notFinished(ticket: "A007"), RatingError.alreadyRated(ticket: "A007"),
        RatingError.expired(ticket: "A007", hours: 24), RatingError.invalidKey, RatingError.keyMissing,
        RatingError.otherWindow(ticket: "A007", window: 4),
    ]

    static func catalog(_ language: ResidentLanguage) throws -> MessageCatalog {
        try MessageCatalog(language: language, json: Data(contentsOf: PackagePaths.url("data/i18n/\(language.rawValue).json")))
    }

    @Test("each error key's Chinese, filled with halld's values, is halld's message")
    func chineseIsHalldsMessage() throws {
        let chinese = try Self.catalog(.zh)
        for failure in Self.failures {
            let said = chinese.text("error.\(failure.code)", failure.messageValues)
            #expect(said == failure.message, "\(failure.code): the catalog says “\(said ?? "nothing")”")
        }
    }

    @Test("every error key but the general one belongs to a failure above, and Mongolian fills every value")
    func keysAndValues() throws {
        let chinese = try Self.catalog(.zh), mongolian = try Self.catalog(.mn)
        let keys = Set(chinese.entries.keys.filter { $0.hasPrefix("error.") })
        let covered = Set(Self.failures.map { "error.\($0.code)" })
        #expect(keys.subtracting(covered) == ["error.other"])
        #expect(covered.subtracting(keys).isEmpty)
        for failure in Self.failures {
            let said = try #require(mongolian.text("error.\(failure.code)", failure.messageValues))
            #expect(!said.contains("{"), "\(failure.code): \(said)")
            for value in failure.messageValues.values { #expect(said.contains(value), "\(failure.code) lacks \(value)") }
            #expect(said.unicodeScalars.contains { (0x1820...0x1878).contains($0.value) })
        }
    }
}
