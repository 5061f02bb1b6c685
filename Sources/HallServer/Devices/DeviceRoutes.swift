import Foundation
import HallCore
import HallDisplay
import Hummingbird

/// Device endpoints: spoken-call audio for the hall screen and the devices' status.
struct DeviceRoutes {
    let devices: DevicesFeature

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
