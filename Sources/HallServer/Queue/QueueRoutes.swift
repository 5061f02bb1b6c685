import HallCore
import Hummingbird

/// The queue API: issue tickets, act at windows, read the hall's state. Who may call each
/// state-changing route is declared in `RoutePermissions`; the actor is recorded on every event.
struct QueueRoutes {
    let queue: QueueService
    /// Issues and prints tickets.
    let desk: TicketDesk

    struct IssueRequest: Decodable {
        var service: String
        var priority: TicketPriority?
    }

    struct CallRequest: Decodable { var ticket: String }

    struct TransferRequest: Decodable {
        var service: String?
        var window: Int?
    }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("status") { _, _ in try JSONResponse.make(try await queue.status()) }
        api.get("services") { _, _ in try JSONResponse.make(try await queue.services()) }
        api.get("windows") { _, _ in try JSONResponse.make(try await queue.windows()) }
        api.get("calls") { _, _ in try JSONResponse.make(try await queue.callBoard()) }

        api.post("tickets") { request, context in
            var request = request
            let body = try await request.decodeJSON(IssueRequest.self, context: context)
            let ticket = try await desk.issue(service: body.service, priority: body.priority ?? .normal, by: context.principal)
            return try JSONResponse.make(ticket, status: .created)
        }
        api.get("tickets/{ref}") { _, context in
            try JSONResponse.make(try await queue.ticketStatus(ref: try context.parameters.require("ref")))
        }
        api.post("tickets/{ref}/reprint") { _, context in
            try JSONResponse.make(try await desk.reprint(try context.parameters.require("ref")))
        }
        api.post("tickets/{ref}/leave") { _, context in
            try JSONResponse.make(try await queue.leave(ticketNumber: try context.parameters.require("ref").uppercased(), actor: context.actorName))
        }

        let windows = api.group("windows/{window}")
        windows.post("call-next") { _, context in
            try JSONResponse.make(try await queue.callNext(window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("call") { request, context in
            var request = request
            let body = try await request.decodeJSON(CallRequest.self, context: context)
            return try JSONResponse.make(
                try await queue.call(ticketNumber: body.ticket.uppercased(), window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("recall") { _, context in
            try JSONResponse.make(try await queue.recall(window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("skip") { _, context in try JSONResponse.make(try await queue.skip(window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("start") { _, context in
            try JSONResponse.make(try await queue.start(window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("finish") { _, context in
            try JSONResponse.make(try await queue.finish(window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("hold") { _, context in try JSONResponse.make(try await queue.hold(window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("resume") { request, context in
            var request = request
            let body = try await request.decodeJSON(CallRequest.self, context: context)
            return try JSONResponse.make(
                try await queue.resume(ticketNumber: body.ticket.uppercased(), window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("transfer") { request, context in
            var request = request
            let body = try await request.decodeJSON(TransferRequest.self, context: context)
            return try JSONResponse.make(
                try await queue.transfer(
                    window: try windowNumber(context), toService: body.service,
                    toWindow: body.window, actor: context.actorName))
        }
        windows.post("pause") { _, context in
            try JSONResponse.make(try await queue.setPaused(true, window: try windowNumber(context), actor: context.actorName))
        }
        windows.post("unpause") { _, context in
            try JSONResponse.make(try await queue.setPaused(false, window: try windowNumber(context), actor: context.actorName))
        }
    }

    private func windowNumber(_ context: HallRequestContext) throws -> Int {
        let text = try context.parameters.require("window")
        guard let number = Int(text), number > 0 else { throw APIError.invalidParameter(name: "window", value: text) }
        return number
    }
}
