import Foundation
import HallCore
import HallDocuments
import Hummingbird
import NIOCore

/// The appointment API: slots and duty (`/api/appointment-slots`), bookings, check-in, cancellation
/// and confirmations (`/api/appointments`), suspensions (`/api/appointment-suspensions`). Who may call
/// each state-changing route is declared in `RoutePermissions`; the actor is always the signed-in principal.
struct AppointmentRoutes {
    let feature: AppointmentsFeature

    private var service: AppointmentService { feature.service }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")

        api.get("appointment-slots") { request, _ in
            let today = service.today()
            let from = try RouteSupport.day(request, "from") ?? today
            let to = try RouteSupport.day(request, "to") ?? from.adding(days: 60)
            return try JSONResponse.make(try await service.slots(from: from, through: to))
        }
        api.post("appointment-slots") { request, context in
            var request = request
            let body = try await request.decodeJSON(AppointmentRequests.OpenSlot.self, context: context)
            let slot = try await service.openSlot(
                OpenSlotRequest(
                    day: body.day, time: try SlotTime(start: body.start, end: body.end), capacity: body.capacity,
                    service: body.service ?? "comprehensive", itemIDs: body.items ?? [], staff: body.staff ?? [], note: body.note),
                actor: try RouteSupport.actor(context))
            return try JSONResponse.make(try await service.slot(id: slot.id), status: .created)
        }
        api.get("appointment-slots/duty") { _, context in
            let me = try RouteSupport.actor(context)
            return try JSONResponse.make(
                AppointmentResponses.Duty(
                    slots: try await service.duty(username: me),
                    visits: try await feature.visits.duty(username: me)))
        }
        api.get("appointment-slots/{id}") { _, context in
            let id = try RouteSupport.id(context)
            return try JSONResponse.make(
                AppointmentResponses.SlotDetail(
                    slot: try await service.slot(id: id),
                    appointments: try await service.appointments(slotID: id)))
        }
        api.put("appointment-slots/{id}/staff") { request, context in
            var request = request
            let body = try await request.decodeJSON(AppointmentRequests.Staff.self, context: context)
            let slot = try await service.assignStaff(
                slotID: try RouteSupport.id(context), usernames: body.staff, actor: try RouteSupport.actor(context))
            return try JSONResponse.make(try await service.slot(id: slot.id))
        }

        api.post("appointments") { request, context in
            var request = request
            let body = try await request.decodeJSON(AppointmentRequests.Book.self, context: context)
            let booked = try await service.book(
                BookingRequest(
                    slotID: body.slot, itemID: body.item, name: body.name, phone: body.phone,
                    idNumber: body.idNumber, request: body.request,
                    channel: body.channel ?? .inPerson),
                clerk: try RouteSupport.actor(context))
            return try JSONResponse.make(Self.booking(booked), status: .created)
        }
        api.get("appointments") { request, _ in
            if let text = request.uri.queryParameters.get("contact"), !text.isEmpty {
                return try JSONResponse.make(try await service.lookup(phoneOrIDNumber: text))
            }
            if let text = request.uri.queryParameters.get("code"), !text.isEmpty {
                return try JSONResponse.make([try await service.appointment(code: text)])
            }
            throw APIError.missingField("contact（手机号或身份证号）或 code（预约码）")
        }
        api.post("appointments/check-in") { request, context in
            var request = request
            let body = try await request.decodeJSON(AppointmentRequests.Code.self, context: context)
            return try await checkIn(try await service.checkIn(code: body.code, actor: context.actorName))
        }
        api.get("appointments/{id}") { _, context in
            try JSONResponse.make(Self.booking(try await service.appointment(id: try RouteSupport.id(context))))
        }
        api.post("appointments/{id}/check-in") { _, context in
            try await checkIn(try await service.checkIn(appointmentID: try RouteSupport.id(context), actor: context.actorName))
        }
        api.post("appointments/{id}/cancel") { request, context in
            let body = try await RouteSupport.optionalJSON(request, AppointmentRequests.Reason.self, context)
            return try JSONResponse.make(
                try await service.cancel(
                    appointmentID: try RouteSupport.id(context), reason: body?.reason,
                    clerk: try RouteSupport.actor(context)))
        }
        api.post("appointments/{id}/excuse") { request, context in
            var request = request
            let body = try await request.decodeJSON(AppointmentRequests.Reason.self, context: context)
            return try JSONResponse.make(
                try await service.excuse(
                    appointmentID: try RouteSupport.id(context), reason: body.reason ?? "",
                    clerk: try RouteSupport.actor(context)))
        }
        api.get("appointments/{id}/confirmation") { _, context in
            let a = try await service.appointment(id: try RouteSupport.id(context))
            let pdf = try await confirmation(a).renderPDF()
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/pdf",
                    .contentDisposition: "inline; filename=\"appointment-\(a.id).pdf\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
        }
        api.post("appointments/{id}/confirmation/print") { _, context in
            let a = try await service.appointment(id: try RouteSupport.id(context))
            return try JSONResponse.make(
                AppointmentResponses.DocumentPrint(
                    url: Self.confirmationURL(a),
                    print: try await feature.office.print(try await confirmation(a))))
        }

        api.get("appointment-suspensions") { request, _ in
            try JSONResponse.make(try await service.suspensions(activeOnly: try RouteSupport.flag(request, "active", fallback: true)))
        }
        api.post("appointment-suspensions/{id}/lift") { request, context in
            var request = request
            let body = try await request.decodeJSON(AppointmentRequests.Reason.self, context: context)
            return try JSONResponse.make(
                try await service.liftSuspension(
                    id: try RouteSupport.id(context), reason: body.reason ?? "",
                    actor: try RouteSupport.actor(context)))
        }

    }

    /// The check-in answer with the ticket printed on the kiosk's printer.
    private func checkIn(_ done: AppointmentCheckIn) async throws -> Response {
        let ticket = await feature.desk.handOut(done.ticket)
        return try JSONResponse.make(
            AppointmentResponses.CheckIn(appointment: done.appointment.publicView, ticket: ticket),
            status: .created)
    }

    private func confirmation(_ a: Appointment) async throws -> TableReport {
        let staff = (try? await service.slot(id: a.slotID).slot.staff) ?? []
        // The resident's copy names the clerk as people know them, not by their account name.
        let clerk = (try? await feature.accounts.account(a.bookedBy))??.displayName ?? a.bookedBy
        return feature.documents.confirmation(a, staff: staff, clerk: clerk)
    }

    static func booking(_ a: Appointment) -> AppointmentResponses.Booking {
        AppointmentResponses.Booking(appointment: a, confirmationURL: confirmationURL(a))
    }

    static func confirmationURL(_ a: Appointment) -> String { "/api/appointments/\(a.id)/confirmation" }
}
