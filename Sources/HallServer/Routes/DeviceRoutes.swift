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
            guard let text = request.uri.queryParameters.get("text"), !text.isEmpty else { throw APIError.missingField("text") }
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
