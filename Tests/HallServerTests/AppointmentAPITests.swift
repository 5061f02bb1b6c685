import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Answers of the appointment API as the tests read them.
struct BookingAnswer: Decodable { var appointment: Appointment; var confirmationURL: String }
struct CheckInAnswer: Decodable {
    struct Print: Decodable { var status: String; var message: String }
    var appointment: PublicAppointment
    var ticket: Ticket
    var serviceName: String
    var peopleAhead: Int
    var print: Print
}

/// The `error` code of an error answer ("" when the text is not one).
func errorCode(_ text: String) -> String { (try? errorBody(text))?.error ?? "" }

/// The Chinese `message` of an error answer ("" when the text is not one).
func errorMessage(_ text: String) -> String { (try? errorBody(text))?.message ?? "" }

extension IntakeTestHall {
    /// An intake test hall with the test kiosk registered, the repository's device profiles, and
    /// sessions that outlast the weeks these tests move the clock through.
    static func appointments(at day: String, _ adjust: (inout HallConfiguration) -> Void = { _ in }) throws -> IntakeTestHall {
        try IntakeTestHall(at: day) { c in
            c.devices = .init(kiosks: [.init(id: "kiosk-1", token: TestCredentials.kiosk)], screens: [])
            c.devicesDirectory = PackagePaths.url("devices").path
            c.accounts.sessionIdleMinutes = 90 * 24 * 60
            c.accounts.sessionAbsoluteHours = 90 * 24
            adjust(&c)
        }
    }
}

extension TestClientProtocol {
    /// Opens a slot as `token` (a head) and returns it.
    func openSlot(_ day: String, capacity: Int = 4, staff: [String] = [], token: String) async throws -> SlotAvailability {
        let staffList = staff.map { "\"\($0)\"" }.joined(separator: ",")
        let (status, body) = try await send(
            .post, "/api/appointment-slots",
            #"""
            {"day":"\#(day)","start":"09:00","end":"11:30","capacity":\#(capacity),"service":"综合窗口","staff":[\#(staffList)]}
            """#, token: token)
        guard status == .created else { throw TestFailure("opening \(day): \(status) \(body)") }
        return try HallJSON.decoder().decode(SlotAvailability.self, from: Data(body.utf8))
    }

    /// Books `slot` for 张三丰 (or another resident) as `token` (a clerk).
    func bookSlot(
        _ slot: Int64, name: String = "张三丰", phone: String = "13904771234", idNumber: String = "150626198503121230",
        token: String
    ) async throws -> BookingAnswer {
        let (status, body) = try await send(
            .post, "/api/appointments",
            #"""
            {"slot":\#(slot),"item":"senior-allowance","name":"\#(name)","phone":"\#(phone)","idNumber":"\#(idNumber)",
             "request":"申请高龄津贴","channel":"phone","clerk":"冒名者"}
            """#, token: token)
        guard status == .created else { throw TestFailure("booking slot \(slot): \(status) \(body)") }
        return try HallJSON.decoder().decode(BookingAnswer.self, from: Data(body.utf8))
    }
}

@Suite("Appointments over HTTP", .serialized)
struct AppointmentAPITests {
    @Test("head opens a slot, a clerk books it, the kiosk checks in with the code and gets a priority ticket (masked, audited)")
    func bookAndCheckIn() async throws {
        let hall = try IntakeTestHall.appointments(at: "2026-12-01")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")

            let (forbidden, _) = try await client.send(
                .post, "/api/appointment-slots",
                #"{"day":"2026-12-05","start":"09:00","end":"11:30","capacity":2}"#, token: clerk)
            #expect(forbidden == .forbidden, "only the center head opens slots")
            let (weekday, weekdayBody) = try await client.send(
                .post, "/api/appointment-slots",
                #"{"day":"2026-12-02","start":"09:00","end":"11:30","capacity":2}"#, token: head)
            #expect(weekday == .badRequest && errorCode(weekdayBody) == "slot_on_working_day")
            // A service or a staff member the hall does not have: nothing by that name (404), as for tickets.
            for (body, code) in [
                (#"{"day":"2026-12-05","start":"09:00","end":"11:30","capacity":2,"service":"户籍"}"#, "unknown_service"),
                (#"{"day":"2026-12-05","start":"09:00","end":"11:30","capacity":2,"staff":["nobody.here"]}"#, "unknown_staff"),
            ] {
                let (status, text) = try await client.send(.post, "/api/appointment-slots", body, token: head)
                #expect(status == .notFound && errorCode(text) == code, "\(text)")
            }
            #expect(errorMessage(weekdayBody).contains("法定工作日"))
            let slot = try await client.openSlot("2026-12-05", capacity: 2, staff: ["wang.fang"], token: head)
            #expect(slot.remaining == 2 && slot.slot.serviceID == "comprehensive")
            #expect(try await client.send(.get, "/api/appointment-slots", token: TestCredentials.kiosk).0 == .forbidden)
            #expect(try await client.send(.get, "/api/appointment-slots", token: nil).0 == .unauthorized)

            hall.clock.set(IntakeTestHall.morning("2026-12-02"))
            let (badPhone, badBody) = try await client.send(
                .post, "/api/appointments",
                #"""
                {"slot":\#(slot.slot.id),"item":"senior-allowance","name":"张三丰","phone":"12345","request":"x"}
                """#, token: clerk)
            #expect(badPhone == .badRequest && !errorMessage(badBody).isEmpty)
            let booked = try await client.bookSlot(slot.slot.id, token: clerk)
            #expect(booked.appointment.bookedBy == "wang.fang", "the signed-in clerk, never a name from the body")
            #expect(booked.appointment.channel == .phone && booked.appointment.code.count == 6)
            #expect(try await client.send(.post, "/api/appointments", "{}", token: TestCredentials.kiosk).0 == .forbidden)

            let duty = try await client.send(.get, "/api/appointment-slots/duty", token: clerk)
            #expect(duty.0 == .ok && duty.1.contains("\"id\":\(slot.slot.id)"))
            let found = try await client.decode([Appointment].self, .get, "/api/appointments?contact=13904771234", token: clerk)
            #expect(found.map(\.id) == [booked.appointment.id])

            DefaultTokens.set(clerk, for: client.port)  // downloads (client.bytes) go as the clerk
            let (pdfStatus, type, pdf) = try await client.bytes(booked.confirmationURL)
            #expect(pdfStatus == .ok && type == "application/pdf")
            let text = try pdfText(pdf)
            for expected in [
                "预约服务确认单", booked.appointment.code, "2026年12月5日", "09:00–11:30", "高龄津贴申请", "居民身份证",
                "居民户口簿", "不收取任何费用", "连续三次无故取消", "值班人员：测试wang.fang", "经办人：测试wang.fang",
            ] {
                #expect(text.contains(expected), "confirmation lacks \(expected)")
            }
            #expect(!text.contains("13904771234") && !text.contains("150626198503121230"))

            hall.clock.set(LocalDay("2026-12-05")!.instant(minutesAfterMidnight: 8 * 60, in: TimeZone(identifier: "Asia/Shanghai")!))
            let (early, earlyBody) = try await client.send(
                .post, "/api/appointments/check-in", #"{"code":"\#(booked.appointment.code)"}"#,
                token: TestCredentials.kiosk)
            #expect(early == .conflict && errorMessage(earlyBody).contains("08:30以后签到"))
            hall.clock.set(LocalDay("2026-12-05")!.instant(minutesAfterMidnight: 9 * 60 + 10, in: TimeZone(identifier: "Asia/Shanghai")!))
            let (checked, checkedBody) = try await client.send(
                .post, "/api/appointments/check-in",
                #"{"code":"\#(booked.appointment.code)"}"#, token: TestCredentials.kiosk)
            #expect(checked == .created, "\(checkedBody)")
            let answer = try HallJSON.decoder().decode(CheckInAnswer.self, from: Data(checkedBody.utf8))
            #expect(answer.ticket.priority == .appointment && answer.serviceName == "综合窗口" && answer.ticket.number == "A001")
            #expect(answer.appointment.contact.name == "张*丰" && answer.appointment.state == .checkedIn)
            #expect(answer.print.status == "disabled")
            for secret in ["13904771234", "150626198503121230", "张三丰", booked.appointment.code] {
                #expect(!checkedBody.contains(secret), "the kiosk answer is masked")
            }
            let (again, againBody) = try await client.send(
                .post, "/api/appointments/check-in", #"{"code":"\#(booked.appointment.code)"}"#,
                token: TestCredentials.kiosk)
            #expect(again == .conflict && errorCode(againBody) == "already_checked_in")
            #expect(try await client.send(.post, "/api/appointments/\(booked.appointment.id)/check-in", token: TestCredentials.kiosk).0 == .forbidden)
            let (wrong, wrongBody) = try await client.send(.post, "/api/appointments/check-in", #"{"code":"99999"}"#, token: TestCredentials.kiosk)
            #expect(wrong == .notFound && errorMessage(wrongBody).contains("预约码不正确"))

            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit?from=2026-12-01&to=2026-12-31", token: head)
            #expect(audit.contains { $0.action == "appointment.check_in" && $0.actor == "kiosk-1" })
            #expect(audit.contains { $0.action == "appointment.book" && $0.actor == "wang.fang" })
            #expect(audit.contains { $0.action == "appointment.manage_slots" && $0.actor == "zhao.head" })
            let types = hall.events.types.map(\.rawValue)
            for expected in ["appointment.slot_opened", "appointment.booked", "ticket.issued", "appointment.checked_in"] {
                #expect(types.contains(expected))
            }
        }
    }

    @Test("three no-shows suspend the resident; clerks see it, only the head lifts it; clerks excuse and cancel")
    func suspensionOverHTTP() async throws {
        let hall = try IntakeTestHall.appointments(at: "2026-12-01")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            var slots: [SlotAvailability] = []
            for day in ["2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26"] { slots.append(try await client.openSlot(day, token: head)) }
            hall.clock.set(IntakeTestHall.morning("2026-12-02"))
            for slot in slots.prefix(3) { _ = try await client.bookSlot(slot.slot.id, token: clerk) }
            let sweep = hall.server.appointments.makeSweep()
            for day in ["2026-12-05", "2026-12-12", "2026-12-19"] {
                hall.clock.set(LocalDay(day)!.instant(minutesAfterMidnight: 12 * 60, in: TimeZone(identifier: "Asia/Shanghai")!))
                #expect(try await sweep.runOnce() == 1)
            }
            let (refused, refusedBody) = try await client.send(
                .post, "/api/appointments",
                #"""
                {"slot":\#(slots[3].slot.id),"item":"senior-allowance","name":"张三丰","phone":"13904771234",
                 "idNumber":"150626198503121230","request":"x"}
                """#, token: clerk)
            #expect(refused == .conflict && errorCode(refusedBody) == "booking_suspended")
            #expect(errorMessage(refusedBody).contains("2027年3月19日"))
            let list = try await client.decode([BookingSuspension].self, .get, "/api/appointment-suspensions", token: clerk)
            let suspension = try #require(list.first)
            #expect(list.count == 1 && suspension.appointmentIDs.count == 3)
            #expect(
                try await client.send(.post, "/api/appointment-suspensions/\(suspension.id)/lift", #"{"reason":"x"}"#, token: clerk).0 == .forbidden)
            let (noReason, noReasonBody) = try await client.send(.post, "/api/appointment-suspensions/\(suspension.id)/lift", "{}", token: head)
            #expect(noReason == .badRequest && errorCode(noReasonBody) == "reason_required")
            #expect(
                try await client.send(
                    .post, "/api/appointment-suspensions/\(suspension.id)/lift", #"{"reason":"已核实确有困难"}"#,
                    token: head
                ).0 == .ok)
            let rebooked = try await client.bookSlot(slots[3].slot.id, token: clerk)
            let (cancelled, cancelledBody) = try await client.send(.post, "/api/appointments/\(rebooked.appointment.id)/cancel", token: clerk)
            #expect(cancelled == .ok && cancelledBody.contains("\"state\":\"cancelled\""))
            let excused = try await client.send(
                .post, "/api/appointments/\(rebooked.appointment.id)/excuse", #"{"reason":"家中老人突发疾病"}"#,
                token: clerk)
            #expect(excused.0 == .ok && excused.1.contains("家中老人突发疾病"))
            #expect(hall.events.types.contains(.appointmentPersonSuspended) && hall.events.types.contains(.appointmentSuspensionLifted))
        }
    }
}
