import Foundation
import HallCore
import HallDisplay
import HallIDCard
import Hummingbird

/// Device endpoints: spoken-call audio for the hall screen and the devices' status.
///
/// `/api/voice?number=&window=` speaks the call phrase of a ticket number of this hall's services at
/// one of its windows, for anyone (the hall screen's audio element sends no token), at most
/// `VoiceRateLimit.perMinute` a minute per address; `?text=` speaks any short text, for signed-in
/// staff and devices only.
struct DeviceRoutes {
    let devices: DevicesFeature
    /// The hall's window numbers and ticket prefixes: the calls there can be.
    let windows: Set<Int>
    let prefixes: [String]
    let limit: VoiceRateLimit
    let clock: any HallClock

    struct DeviceStatus: Encodable {
        var devices: [DeviceHealth]
        var display: DisplayStatus?
        /// The windows' document scanners.
        var scanners: [ScannerStations.StationStatus]?
        /// The ID card readers.
        var idCardReaders: [IDCardReaderStatus]
    }

    func register(on router: Router<HallRequestContext>) {
        router.get("api/voice") { request, context in
            guard let announcer = devices.calls?.announcer else { throw DeviceRouteError.voiceDisabled }
            let file: URL
            if let number = RouteSupport.text(request, "number") {
                // The call as the daemon speaks it: its phrase template (call or recall) and repeat count.
                let call = try Self.call(
                    number: number, window: RouteSupport.text(request, "window"), recall: try RouteSupport.flag(request, "recall"))
                // Well-formed, but naming a window or a service the hall does not have: 404.
                guard windows.contains(call.window) else { throw QueueError.unknownWindow(call.window) }
                let letters = String(call.ticketNumber.prefix { $0.isLetter })
                guard prefixes.contains(where: { $0.uppercased() == letters }) else { throw DeviceRouteError.unknownTicketPrefix(letters) }
                try admit(context)
                do { file = try announcer.audioFile(for: call) } catch { throw DeviceRouteError.voice("\(error)") }
            } else {
                guard context.principal != nil else { throw AccessError.notSignedIn }
                guard let given = RouteSupport.text(request, "text") else { throw APIError.missingField("text") }
                guard given.count <= 100 else { throw APIError.invalidParameter(name: "text", value: String(given.prefix(16)) + "…") }
                do { file = try announcer.audioFile(for: given) } catch { throw DeviceRouteError.voice("\(error)") }
            }
            let data = try Data(contentsOf: file)
            // A Chinese-only hall's call never changes; a bilingual one's does when a voice pack is completed.
            let caching = announcer.packs?.hasPacks == true ? "no-cache" : "max-age=86400"
            return Response(
                status: .ok, headers: [.contentType: "audio/wav", .cacheControl: caching],
                body: .init(byteBuffer: .init(bytes: data)))
        }
        router.get("api/devices") { _, _ in
            try JSONResponse.make(
                DeviceStatus(
                    devices: await devices.health(), display: devices.calls?.bus?.status(),
                    scanners: await devices.scanners?.statuses(), idCardReaders: devices.idCardReaders.statuses()))
        }
    }
}

extension DeviceRoutes {
    /// Counts an anonymous request for a call; refuses one too many (429).
    func admit(_ context: HallRequestContext) throws {
        if context.principal == nil, let wait = limit.admit(context.remoteAddress ?? "", at: clock.now()) {
            throw DeviceRouteError.tooManyVoiceRequests(retryAfterSeconds: wait)
        }
    }

    /// A call from query parameters: a ticket number such as `A012` (ASCII letters, then digits,
    /// at most 8 characters) and a window number.
    static func call(number: String, window: String?, recall: Bool) throws -> DisplayCall {
        let letters = number.prefix { $0.isASCII && $0.isLetter }
        guard (1...8).contains(number.count), !letters.isEmpty, number.dropFirst(letters.count).allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            throw APIError.invalidParameter(name: "number", value: String(number.prefix(16)))
        }
        guard let window else { throw APIError.missingField("window") }
        guard let windowNumber = Int(window), (1...999).contains(windowNumber) else {
            throw APIError.invalidParameter(name: "window", value: String(window.prefix(16)))
        }
        return DisplayCall(window: windowNumber, ticketNumber: number.uppercased(), isRecall: recall)
    }
}
