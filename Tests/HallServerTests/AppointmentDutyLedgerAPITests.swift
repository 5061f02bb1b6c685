import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Appointment duty and extended service together in the staff ledger, its month view, the
/// compensatory leave it owes and the reports, over HTTP on a hall with a manual clock.
@Suite("Appointment duty in the ledger and the reports over HTTP", .serialized)
struct AppointmentDutyLedgerAPITests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static func at(_ day: String, _ time: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: SlotTime.minutes(time)!, in: zone)
    }

    @Test("a slot's duty reaches the ledger once (month view, balance), leave is owed on mixed kinds, reports show both")
    func dutyLedgerAndReports() async throws {
        let hall = try IntakeTestHall.appointments(at: "2026-12-01") { $0.extendedHours.ledger.leaveThresholdMinutes = 240 }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            let slot = try await client.openSlot("2026-12-05", capacity: 2, staff: ["wang.fang"], token: head)
            hall.clock.set(IntakeTestHall.morning("2026-12-02"))
            let booked = try await client.bookSlot(slot.slot.id, token: clerk)
            // An evening of extended service on Thu 12-03, entered by the head: 120 minutes.
            let extended =
                #"{"staff":"wang.fang","kind":"extended","start":"2026-12-03T17:30:00+08:00","end":"2026-12-03T19:30:00+08:00","note":"延时服务"}"#
            #expect(try await client.send(.post, "/api/ledger/entries", extended, token: head).0 == .created)

            // Sat 12-05: the resident checks in at the kiosk and is served at window 1 by the clerk on duty.
            hall.clock.set(Self.at("2026-12-05", "09:10"))
            let (checked, checkedBody) = try await client.send(
                .post, "/api/appointments/check-in",
                #"{"code":"\#(booked.appointment.code)"}"#, token: TestCredentials.kiosk)
            #expect(checked == .created, "\(checkedBody)")
            for (time, action) in [("09:15", "call-next"), ("09:16", "start"), ("09:40", "finish")] {
                hall.clock.set(Self.at("2026-12-05", time))
                #expect(try await client.send(.post, "/api/windows/1/\(action)", token: clerk).0 == .ok)
            }
            let sweep = hall.server.appointments.makeSweep()
            hall.clock.set(Self.at("2026-12-05", "11:00"))
            try await sweep.runOnce()
            #expect(
                try await client.decode(LedgerMonthView.self, .get, "/api/ledger?month=2026-12", token: clerk)
                    .entries.allSatisfy { $0.kind == .extended }, "nothing before the slot ends")

            hall.clock.set(Self.at("2026-12-05", "11:31"))
            try await sweep.runOnce()
            try await sweep.runOnce()
            let month = try await client.decode(LedgerMonthView.self, .get, "/api/ledger?month=2026-12", token: clerk)
            let duty = month.entries.filter { $0.kind == .appointment }
            #expect(duty.count == 1, "exactly once however often the sweep runs")
            let entry = try #require(duty.first)
            #expect(entry.staff == "wang.fang" && entry.source == .appointment && entry.slotID == slot.slot.id)
            #expect(entry.minutes == 150 && entry.served == ["A001"] && entry.note.contains("应到1人，签到1人，未到0人"))
            let mine = try #require(month.staff.first { $0.staff == "wang.fang" })
            #expect(mine.appointmentMinutes == 150 && mine.extendedMinutes == 120 && mine.monthMinutes == 270)
            #expect(mine.cumulative.owesLeave && mine.cumulative.balanceMinutes == 270)
            #expect(hall.events.types.contains(.leaveOwed) && hall.events.types.contains(.appointmentDutyRecorded))

            let (reassign, reassignBody) = try await client.send(
                .put, "/api/appointment-slots/\(slot.slot.id)/staff",
                #"{"staff":["zhao.head"]}"#, token: head)
            #expect(reassign == .conflict && errorCode(reassignBody) == "duty_already_recorded")
            #expect(errorMessage(reassignBody).contains("已记入登记台账"))

            // Leave owed on the two kinds together: 4 hours granted on Mon 12-07, within the 4.5-hour balance.
            let grant = try await client.decode(
                LeaveGrant.self, .post, "/api/ledger/leave",
                #"{"staff":"wang.fang","day":"2026-12-07","hours":4,"note":"预约与延时服务调休"}"#, token: head)
            #expect(grant.minutes == 240 && grant.state == .granted)
            let balance = try #require(
                try await client.decode(
                    [LedgerBalance].self, .get, "/api/ledger/balances?staff=wang.fang",
                    token: head
                ).first)
            #expect(balance.appointmentMinutes == 150 && balance.extendedMinutes == 120 && balance.balanceMinutes == 30 && !balance.owesLeave)

            // Reports: the day of the duty, the month with both kinds, and the CSV.
            let daily = try await client.decode(HallReport.self, .get, "/api/reports/2026-12-05", token: head)
            let dayLedger = try #require(daily.extendedHours)
            #expect(dayLedger.appointmentMinutes == 150 && dayLedger.totalMinutes == 0)
            let monthly = try await client.decode(HallReport.self, .get, "/api/reports/2026-12", token: head)
            #expect(
                monthly.extendedHours
                    == ExtendedHoursFigures(staff: [
                        StaffMinutes(
                            staff: "wang.fang", displayName: "测试wang.fang",
                            minutes: 120, appointmentMinutes: 150)
                    ]))
            let november = try await client.decode(HallReport.self, .get, "/api/reports/2026-11", token: head)
            #expect(november.extendedHours?.staff.isEmpty == true, "a month without ledger entries shows zero, not 待台账接入")
            let (csvStatus, csv) = try await client.send(.get, "/api/reports/2026-12?format=csv", token: head)
            #expect(csvStatus == .ok)
            let lines = csv.components(separatedBy: "\r\n")
            #expect(lines.contains("登记台账,预约服务(分钟),延时服务(分钟),合计(分钟)"))
            #expect(lines.contains("测试wang.fang,150,120,270") && lines.contains("合计,150,120,270"))
        }
    }
}
