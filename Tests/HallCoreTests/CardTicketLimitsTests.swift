import Testing

@testable import HallCore

/// The kiosk's per-person rules for tickets taken by ID card.
@Suite struct CardTicketLimitsTests {
    static func record(_ id: Int64, _ service: String, _ state: TicketState) -> CardTicketRecord {
        CardTicketRecord(ticketID: id, ticketNumber: "X\(id)", serviceID: service, state: state)
    }

    @Test func oneOpenTicketPerService() throws {
        let settings = CardTicketSettings(openTicketsPerService: 1, ticketsPerDay: 0)
        let taken = [Self.record(1, "b", .waiting)]
        #expect(throws: CardTicketError.openTicketExists(ticket: "X1")) {
            try CardTicketLimits.check(service: "b", taken: taken, settings: settings)
        }
        try CardTicketLimits.check(service: "a", taken: taken, settings: settings)
        // Served or gone: the person may take the service again.
        for state in [TicketState.done, .left, .noShow] {
            try CardTicketLimits.check(service: "b", taken: [Self.record(1, "b", state)], settings: settings)
        }
    }

    @Test func ticketsPerDayCountsEveryState() throws {
        let settings = CardTicketSettings(openTicketsPerService: 0, ticketsPerDay: 2)
        let taken = [Self.record(1, "a", .done), Self.record(2, "b", .left)]
        #expect(throws: CardTicketError.dailyLimitReached(limit: 2)) {
            try CardTicketLimits.check(service: "c", taken: taken, settings: settings)
        }
        try CardTicketLimits.check(service: "c", taken: Array(taken.prefix(1)), settings: settings)
        try CardTicketLimits.check(service: "c", taken: taken, settings: CardTicketSettings(openTicketsPerService: 0, ticketsPerDay: 0))
    }

    @Test func priorityFromAge() {
        #expect(CardTicketLimits.priority(age: 80, settings: CardTicketSettings(priorityAge: 0)) == .normal)
        #expect(CardTicketLimits.priority(age: 69, settings: CardTicketSettings(priorityAge: 70)) == .normal)
        #expect(CardTicketLimits.priority(age: 70, settings: CardTicketSettings(priorityAge: 70)) == .greenChannel)
    }

    @Test func holderMustAgreeWithItsIDNumber() throws {
        let id = try ChineseIDNumber("150626194803080014")
        let born = LocalDay(year: 1948, month: 3, day: 8)
        let h = try IDCardHolder(
            name: "王建国 ", sex: .male, nationCode: "01", birthDate: born, address: "示例路3号", idNumber: id,
            authority: "乌审旗公安局", validFrom: LocalDay(year: 2010, month: 1, day: 1), validUntil: nil)
        #expect(h.name == "王建国" && h.nation == "汉" && h.maskedName == "王*国")
        #expect(throws: IDCardError.inconsistent("出生日期与公民身份号码不符")) {
            try IDCardHolder(
                name: "王建国", sex: .male, nationCode: "01", birthDate: LocalDay(year: 1948, month: 3, day: 9), address: "",
                idNumber: id, authority: "", validFrom: born, validUntil: nil)
        }
        #expect(IDCardNation.name(code: "56") == "基诺" && IDCardNation.name(code: "57") == nil)
    }
}
