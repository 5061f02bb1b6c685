import ArgumentParser
import Foundation
import HallCore

/// `hallctl appointment slots|open-slot|assign|slot|duty|book|show|find|check-in|cancel|excuse|confirmation|suspensions|lift`.
struct AppointmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointment", abstract: "Weekend/holiday appointments (预约服务): slots, duty, bookings, check-in.",
        subcommands: [
            Slots.self, OpenSlot.self, Assign.self, Slot.self, Duty.self, Book.self, Show.self, Find.self, CheckIn.self,
            Cancel.self, Excuse.self, Confirmation.self, Suspensions.self, Lift.self,
        ])

    struct Slots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List slots with places taken (next 60 days by default).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "First day, yyyy-MM-dd.") var from: String?
        @Option(help: "Last day, yyyy-MM-dd.") var to: String?

        func run() async throws {
            var query: [URLQueryItem] = []
            if let from { query.append(URLQueryItem(name: "from", value: from)) }
            if let to { query.append(URLQueryItem(name: "to", value: to)) }
            let data = try await options.client.send("GET", "api/appointment-slots", query: query)
            let services = await options.serviceNames()
            try options.output(data) {
                AppointmentRendering.list(try HallJSON.decoder().decode([SlotAvailability].self, from: data), empty: "没有预约时段。") {
                    AppointmentRendering.slot($0, services: services)
                }
            }
        }
    }

    struct OpenSlot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open-slot",
            abstract: "Open a slot on a weekend or public holiday (center head).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Day, yyyy-MM-dd (a day off of the official calendar).") var day: String
        @Option(help: "Start, HH:mm.") var start: String
        @Option(help: "End, HH:mm.") var end: String
        @Option(help: "Places.") var capacity: Int
        @Option(help: "Queue service of the priority tickets.") var service: String = "comprehensive"
        @Option(help: "Catalog items allowed, comma separated (default: all).") var items: String?
        @Option(help: "Staff on duty, comma separated user names.") var staff: String?
        @Option var note: String?

        func run() async throws {
            var body: [String: Any] = [
                "day": day, "start": start, "end": end, "capacity": capacity, "service": service,
                "items": AppointmentRendering.ids(items), "staff": AppointmentRendering.ids(staff),
            ]
            if let note { body["note"] = note }
            let data = try await options.client.send("POST", "api/appointment-slots", body: body)
            let services = await options.serviceNames()
            try options.output(data) {
                "已开放预约时段 " + AppointmentRendering.slot(try HallJSON.decoder().decode(SlotAvailability.self, from: data), services: services)
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the staff on duty for a slot (center head).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Slot id.") var slot: Int
        @Option(help: "User names, comma separated (empty clears).") var staff: String

        func run() async throws {
            let data = try await options.client.send("PUT", "api/appointment-slots/\(slot)/staff", body: ["staff": AppointmentRendering.ids(staff)])
            let services = await options.serviceNames()
            try options.output(data) {
                "已安排值班 " + AppointmentRendering.slot(try HallJSON.decoder().decode(SlotAvailability.self, from: data), services: services)
            }
        }
    }

    struct Slot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a slot and its bookings.")
        @OptionGroup var options: GlobalOptions
        @Argument var slot: Int

        func run() async throws {
            let data = try await options.client.send("GET", "api/appointment-slots/\(slot)")
            let services = await options.serviceNames()
            try options.output(data) {
                let d = try HallJSON.decoder().decode(AppointmentRendering.SlotDetail.self, from: data)
                return ([AppointmentRendering.slot(d.slot, services: services)] + d.appointments.map { "  " + AppointmentRendering.appointment($0) })
                    .joined(separator: "\n")
            }
        }
    }

    struct Duty: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "My appointment duty and home visits from today on.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let data = try await options.client.send("GET", "api/appointment-slots/duty")
            let services = await options.serviceNames()
            try options.output(data) {
                let d = try HallJSON.decoder().decode(AppointmentRendering.Duty.self, from: data)
                guard !d.slots.isEmpty || !d.visits.isEmpty else { return "今天以后没有值班安排。" }
                return
                    (d.slots.map { "值班 " + AppointmentRendering.slot($0, services: services) }
                    + d.visits.map { "上门 " + AppointmentRendering.visit($0) })
                    .joined(separator: "\n")
            }
        }
    }

    struct Book: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Book a slot for a resident (at least two working days ahead).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Slot id.") var slot: Int
        @Option(help: "Catalog item id.") var item: String
        @Option var name: String
        @Option var phone: String
        @Option(help: "ID-card number (optional).") var idNumber: String?
        @Option(help: "What the resident wants done.") var request: String
        @Flag(help: "Booked after a phone call (default: in person).") var byPhone = false

        func run() async throws {
            var body: [String: Any] = [
                "slot": slot, "item": item, "name": name, "phone": phone, "request": request,
                "channel": byPhone ? "phone" : "in_person",
            ]
            if let idNumber { body["idNumber"] = idNumber }
            let data = try await options.client.send("POST", "api/appointments", body: body)
            try options.output(data) { AppointmentRendering.booked(try HallJSON.decoder().decode(AppointmentRendering.Booking.self, from: data)) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a booking.")
        @OptionGroup var options: GlobalOptions
        @Argument var id: Int

        func run() async throws {
            let data = try await options.client.send("GET", "api/appointments/\(id)")
            try options.output(data) { AppointmentRendering.booked(try HallJSON.decoder().decode(AppointmentRendering.Booking.self, from: data)) }
        }
    }

    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Find a resident's bookings by phone or ID number.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Phone number or ID-card number.") var contact: String

        func run() async throws {
            let data = try await options.client.send("GET", "api/appointments", query: [URLQueryItem(name: "contact", value: contact)])
            try options.output(data) {
                AppointmentRendering.list(
                    try HallJSON.decoder().decode([Appointment].self, from: data), empty: "没有找到预约。",
                    AppointmentRendering.appointment)
            }
        }
    }

    struct CheckIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-in",
            abstract: "Check a booking in by the resident's six-digit code (or by id after a lookup) for a priority ticket.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The six-digit booking code the resident holds, or a booking id (from find).") var ref: String?
        @Option(help: "Booking code (the same as giving it as the argument).") var code: String?

        func run() async throws {
            let data: Data
            switch (ref, code) {
            case (let ref?, nil) where ref.count == 6 && ref.allSatisfy(\.isASCII) && ref.allSatisfy(\.isNumber):
                data = try await options.client.send("POST", "api/appointments/check-in", body: ["code": ref])
            case (let ref?, nil):
                guard let id = Int(ref), id > 0 else {
                    throw ValidationError("“\(ref)”不是预约码（6 位数字）也不是预约编号：请核对群众预约确认单上的预约码，或用 hallctl appointment find 手机号 查找")
                }
                data = try await options.client.send("POST", "api/appointments/\(id)/check-in", body: [:])
            case (nil, let code?): data = try await options.client.send("POST", "api/appointments/check-in", body: ["code": code])
            default: throw ValidationError("请给出群众的 6 位预约码，例如 hallctl appointment check-in 123456；没有预约码时用 hallctl appointment find 手机号 查找")
            }
            try options.output(data) { AppointmentRendering.checkIn(try HallJSON.decoder().decode(AppointmentRendering.CheckIn.self, from: data)) }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a booking; with --reason (an accepted one) it does not count towards suspension.")
        @OptionGroup var options: GlobalOptions
        @Argument var id: Int
        @Option var reason: String?

        func run() async throws {
            let data = try await options.client.send("POST", "api/appointments/\(id)/cancel", body: reason.map { ["reason": $0] } ?? [:])
            try options.output(data) { "已取消 " + AppointmentRendering.appointment(try HallJSON.decoder().decode(Appointment.self, from: data)) }
        }
    }

    struct Excuse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an accepted reason for a cancelled or missed booking.")
        @OptionGroup var options: GlobalOptions
        @Argument var id: Int
        @Option var reason: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/appointments/\(id)/excuse", body: ["reason": reason])
            try options.output(data) { "已登记理由 " + AppointmentRendering.appointment(try HallJSON.decoder().decode(Appointment.self, from: data)) }
        }
    }

    struct Confirmation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save the A4 confirmation as PDF, or print it on the office printer.")
        @OptionGroup var options: GlobalOptions
        @Argument var id: Int
        @Option(help: "Save the PDF here.") var out: String?
        @Flag(help: "Print on the office printer.") var print = false

        func run() async throws {
            try await AppointmentRendering.document(options, path: "api/appointments/\(id)/confirmation", name: "确认单", out: out, print: print)
        }
    }

    struct Suspensions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "People suspended from booking (in force; --all for history).")
        @OptionGroup var options: GlobalOptions
        @Flag var all = false

        func run() async throws {
            let data = try await options.client.send(
                "GET", "api/appointment-suspensions",
                query: [URLQueryItem(name: "active", value: all ? "false" : "true")])
            try options.output(data) {
                AppointmentRendering.list(
                    try HallJSON.decoder().decode([BookingSuspension].self, from: data), empty: "没有暂停预约的人员。",
                    AppointmentRendering.suspension)
            }
        }
    }

    struct Lift: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a suspension (center head).")
        @OptionGroup var options: GlobalOptions
        @Argument var id: Int
        @Option var reason: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/appointment-suspensions/\(id)/lift", body: ["reason": reason])
            try options.output(data) { "已解除 " + AppointmentRendering.suspension(try HallJSON.decoder().decode(BookingSuspension.self, from: data)) }
        }
    }
}
