import Foundation
import Testing

@testable import HallCore

/// "Three consecutive cancellations without reason suspend the person": the streak as a pure function.
@Suite struct CancellationStreakTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// A booking of the same person resolved `hours` after t0 in `state`.
    private func booking(_ id: Int64, _ state: AppointmentState, hours: Double, excuse: String? = nil) throws -> Appointment {
        let slot = AppointmentSlot(
            id: id, day: IntakeTestData.day("2026-12-05"), time: try SlotTime(start: "09:00", end: "11:30"),
            capacity: 4, serviceID: "comprehensive", openedBy: "head", openedAt: t0)
        var a = Appointment(
            id: id, code: String(format: "%06d", id), slot: slot, item: try IntakeTestData.catalog().item("senior-allowance"),
            contact: try ResidentContact.parse(
                name: "张三丰", phone: "13904771234", idNumber: IntakeTestData.idMale1985,
                today: IntakeTestData.day("2026-12-01")),
            request: "申请高龄津贴", channel: .inPerson, bookedBy: "clerk", bookedAt: t0, bookedOn: IntakeTestData.day("2026-12-01"))
        let at = t0.addingTimeInterval(hours * 3600)
        a.state = state
        switch state {
        case .checkedIn: a.checkedInAt = at
        case .cancelled, .missed: a.cancelledAt = at
        case .booked: break
        }
        a.excuse = excuse
        return a
    }

    private func suspension(_ history: [Appointment], _ earlier: [BookingSuspension] = [], hours: Double = 1000) -> BookingSuspension? {
        CancellationStreak.suspension(
            history: history, suspensions: earlier, threshold: 3, days: 90,
            now: t0.addingTimeInterval(hours * 3600))
    }

    @Test("three unexcused cancellations in a row (missed or cancelled without reason) suspend for the configured days")
    func threeInARow() throws {
        let history = [try booking(1, .missed, hours: 1), try booking(2, .cancelled, hours: 2), try booking(3, .missed, hours: 3)]
        #expect(suspension(Array(history.prefix(2))) == nil)
        let s = try #require(suspension(history))
        #expect(s.appointmentIDs == [1, 2, 3])
        #expect(s.personKey.rawValue == "id:\(IntakeTestData.idMale1985)")
        #expect(s.endsAt.timeIntervalSince(s.startsAt) == 90 * 86_400)
    }

    @Test("an attended booking resets the streak; an excused cancellation breaks it")
    func resetAndBreak() throws {
        let attended = [
            try booking(1, .missed, hours: 1), try booking(2, .missed, hours: 2), try booking(3, .checkedIn, hours: 3),
            try booking(4, .missed, hours: 4), try booking(5, .missed, hours: 5),
        ]
        #expect(CancellationStreak.current(history: attended, after: nil).map(\.id) == [5, 4])
        #expect(suspension(attended) == nil)
        #expect(suspension(attended + [try booking(6, .cancelled, hours: 6)])?.appointmentIDs == [4, 5, 6])

        let excused = [
            try booking(1, .missed, hours: 1), try booking(2, .missed, hours: 2),
            try booking(3, .cancelled, hours: 3, excuse: "住院治疗"), try booking(4, .missed, hours: 4),
            try booking(5, .missed, hours: 5),
        ]
        #expect(suspension(excused) == nil, "the excused cancellation breaks the streak")
        // Excusing one of three afterwards takes the streak back under the limit.
        let late = [try booking(1, .missed, hours: 1), try booking(2, .missed, hours: 2, excuse: "暴雪封路"), try booking(3, .missed, hours: 3)]
        #expect(suspension(late) == nil)
    }

    @Test("bookings still waiting do not count; order is by when each was resolved")
    func orderAndWaiting() throws {
        let history = [
            try booking(1, .booked, hours: 0), try booking(2, .missed, hours: 30), try booking(3, .missed, hours: 10),
            try booking(4, .checkedIn, hours: 20), try booking(5, .cancelled, hours: 40),
        ]
        #expect(CancellationStreak.current(history: history, after: nil).map(\.id) == [5, 2])
    }

    @Test("a suspension uses up its streak; while one is in force no second one starts")
    func consumed() throws {
        let first = [try booking(1, .missed, hours: 1), try booking(2, .missed, hours: 2), try booking(3, .missed, hours: 3)]
        let s = try #require(suspension(first, hours: 4))
        let more = first + [try booking(4, .missed, hours: 5), try booking(5, .missed, hours: 6), try booking(6, .missed, hours: 7)]
        #expect(suspension(more, [s], hours: 8) == nil, "the first suspension is still in force")
        var lifted = s
        lifted.liftedAt = t0.addingTimeInterval(4.5 * 3600)
        #expect(suspension(Array(more.prefix(5)), [lifted], hours: 8) == nil, "only two new ones after the lift")
        #expect(suspension(more, [lifted], hours: 8)?.appointmentIDs == [4, 5, 6])
        #expect(!lifted.isActive(at: t0.addingTimeInterval(5 * 3600)) && s.isActive(at: t0.addingTimeInterval(5 * 3600)))
        #expect(!s.isActive(at: s.endsAt))
    }
}
