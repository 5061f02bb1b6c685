import Foundation
import Testing

@testable import HallCore

@Suite("Support types")
struct SupportTests {
    @Test func ticketNumbers() {
        #expect(TicketNumber.format(prefix: "A", sequence: 1) == "A001")
        #expect(TicketNumber.format(prefix: "B", sequence: 14) == "B014")
        #expect(TicketNumber.format(prefix: "C", sequence: 1000) == "C1000")
    }

    @Test func localDayParsesOnlyRealDates() {
        #expect(LocalDay("2026-02-28")?.adding(days: 1) == LocalDay("2026-03-01"))
        #expect(LocalDay("2026-02-29") == nil)
        #expect(LocalDay("2026-2-1") == nil)
        #expect(LocalDay("2026-11-29")?.isoWeekday == 7)
        #expect(LocalDay("2026-11-30")?.isWeekend == false)
    }

    @Test func localDayIsWrittenAsPrintfWouldWriteIt() {
        #expect(LocalDay(year: 2026, month: 3, day: 7).description == "2026-03-07")
        #expect(LocalDay(year: 2026, month: 11, day: 25).description == "2026-11-25")
        for (year, month, day) in [(1, 1, 1), (999, 12, 31), (9999, 99, 99), (0, 0, 0), (10_000, 1, 9), (-5, 0, 0), (-2026, -1, 123), (0, 10, 10)] {
            #expect(
                LocalDay(year: year, month: month, day: day).description
                    == String(format: "%04d-%02d-%02d", year, month, day))
        }
    }

    @Test func localDayFollowsTheHallTimeZone() {
        // 2026-11-25 16:30 UTC is already 2026-11-26 00:30 in Shanghai.
        let instant = Date(timeIntervalSince1970: 1_795_624_200)
        #expect(LocalDay(instant, in: TimeZone(identifier: "UTC")!) == LocalDay("2026-11-25"))
        #expect(LocalDay(instant, in: TimeZone(identifier: "Asia/Shanghai")!) == LocalDay("2026-11-26"))
    }

    @Test func localDayCountedFromTheEpochIsTheCalendarsDay() {
        // Midnights and the seconds around them, leap days (2000, 2024, not 1900 or 2100), DST changes,
        // zones at quarter hours, the range's ends, and instants the fast count leaves to Calendar.
        let zones = ["Asia/Shanghai", "UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Kiritimati"]
            .compactMap(TimeZone.init(identifier:))
        var state: UInt64 = 7
        func random() -> UInt64 {  // a fixed linear congruential sequence: the same instants every run
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 17
        }
        var instants: [Double] = [-2_208_988_800, -2_208_988_801, 253_402_300_799, 253_402_300_800, -12_000_000_000, 0, -1]
        instants += [951_782_400, 951_868_800, 4_107_456_000, 4_107_542_400, -2_203_891_200, 1_709_164_800, 1_710_054_000]
        for _ in 0..<3_000 { instants.append(Double(random() % 8_000_000_000) - 2_300_000_000 + Double(random() % 1000) / 1000) }
        for zone in zones {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for seconds in instants + instants.map({ $0 - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: $0))) }) {
                let instant = Date(timeIntervalSince1970: seconds)
                let parts = calendar.dateComponents([.year, .month, .day], from: instant)
                let expected = LocalDay(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
                #expect(LocalDay(instant, in: zone) == expected, "\(seconds) in \(zone.identifier)")
            }
        }
    }

    @Test func masking() {
        #expect(PersonalDataMask.name("张三") == "张*")
        #expect(PersonalDataMask.name("张三丰") == "张*丰")
        #expect(PersonalDataMask.name("欧阳娜娜") == "欧**娜")
        #expect(PersonalDataMask.idNumber("110101199003071234") == "1101**********1234")
        #expect(PersonalDataMask.phone("13812345678") == "138****5678")
        #expect(!PersonalDataMask.phone("0477-7552004").contains("7552"))
    }
}
