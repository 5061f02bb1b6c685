import Foundation
import HallCore
import HallDisplay
import Hummingbird

/// Device endpoints: spoken-call audio for the hall screen, ticket reprint, device status.
struct DeviceRoutes {
    let queue: QueueService
    let devices: HallDevices

    struct DeviceStatus: Encodable {
        var devices: [DeviceHealth]
        var display: DisplayStatus?
        /// The windows' document scanners.
        var scanners: [ScannerStations.StationStatus]?
    }

    func register(on router: Router<HallRequestContext>) {
        router.get("api/voice") { request, _ in
            guard let announcer = devices.calls?.announcer else { throw DeviceRouteError.voiceDisabled }
            let query = request.uri.queryParameters
            let text: String
            if let number = query.get("number") {
                // The call as the daemon speaks it: its phrase template (call or recall) and repeat count.
                text = announcer.spokenText(for: try Self.call(number: number, window: query.get("window"),
                                                               recall: query.get("recall") == "1"))
            } else {
                guard let given = query.get("text"), !given.isEmpty else { throw APIError.missingField("text") }
                text = given
            }
            let file: URL
            do { file = try announcer.audioFile(for: text) } catch { throw DeviceRouteError.voice("\(error)") }
            let data = try Data(contentsOf: file)
            return Response(status: .ok, headers: [.contentType: "audio/wav", .cacheControl: "max-age=86400"],
                            body: .init(byteBuffer: .init(bytes: data)))
        }
        router.post("api/tickets/{ref}/reprint") { _, context in
            guard let printing = devices.printing else { throw DeviceRouteError.noPrinter }
            let ref = try context.parameters.require("ref")
            let status = if let id = Int64(ref) { try await queue.ticketStatus(id: id) } else {
                try await queue.ticketStatus(number: ref.uppercased())
            }
            return try JSONResponse.make(await printing.reprint(status))
        }
        router.get("api/devices") { _, _ in
            try JSONResponse.make(DeviceStatus(devices: await devices.health(), display: devices.calls?.bus?.status(),
                                            scanners: await devices.scanners?.statuses()))
        }
    }
}

extension DeviceRoutes {
    /// A call from query parameters: a ticket number such as `A012` and a window number.
    static func call(number: String, window: String?, recall: Bool) throws -> DisplayCall {
        guard (1...8).contains(number.count), number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw APIError.invalidParameter(name: "number", value: String(number.prefix(16)))
        }
        guard let window else { throw APIError.missingField("window") }
        guard let windowNumber = Int(window), (1...999).contains(windowNumber) else {
            throw APIError.invalidParameter(name: "window", value: String(window.prefix(16)))
        }
        return DisplayCall(window: windowNumber, ticketNumber: number.uppercased(), isRecall: recall)
    }
}

/// Device-route failures a clerk can act on.
enum DeviceRouteError: HallFailure {
    case voiceDisabled
    case voice(String)
    case noPrinter

    var code: String {
        switch self {
        case .voiceDisabled: "voice_disabled"
        case .voice: "voice_failed"
        case .noPrinter: "no_ticket_printer"
        }
    }

    var message: String {
        switch self {
        case .voiceDisabled: "本大厅未启用语音叫号。"
        case .voice(let detail): "无法生成叫号语音：\(detail)"
        case .noPrinter: "本大厅未配置取号打印机，无法补打。"
        }
    }

    var kind: FailureKind {
        switch self {
        case .voiceDisabled, .noPrinter: .conflict
        case .voice: .invalidInput
        }
    }
}
