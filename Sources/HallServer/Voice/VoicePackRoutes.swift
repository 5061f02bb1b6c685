import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The voice packs on the admin page (设备 tab, 语音包), for the center head and the administrator:
/// - `GET /api/voice-packs`: each pack's clips, recorded or missing;
/// - `PUT /api/voice-packs/{language}/clips/{clip}` with a WAV body (mono 16-bit PCM at the
///   pack's rate, ≤ 3 s, ≤ 256 KiB): records a clip; `DELETE` removes it;
/// - `GET /api/voice-packs/{language}/clips/{clip}`: the recording, to play back.
/// The clip name is percent-encoded in the path (a word clip's name holds its words).
struct VoicePackRoutes {
    let packs: VoicePacks

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("voice-packs") { _, _ in try JSONResponse.make(VoicePackListing(packs)) }
        api.put("voice-packs/{language}/clips/{clip}") { request, context in
            let body = try await RouteSupport.rawBody(request)
            let name = try Self.clipName(context)
            let kept = try await packs.upload(
                language: try context.parameters.require("language"), name: name, wav: [UInt8](body), actor: context.actorName ?? "")
            return try JSONResponse.make(VoicePackListing.ClipState(name: name, clip: VoiceClip(name: name), kept: kept))
        }
        api.get("voice-packs/{language}/clips/{clip}") { _, context in
            let wav = try packs.wav(language: try context.parameters.require("language"), name: try Self.clipName(context))
            return Response(
                status: .ok, headers: [.contentType: "audio/wav", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: wav)))
        }
        api.delete("voice-packs/{language}/clips/{clip}") { _, context in
            try await packs.remove(language: try context.parameters.require("language"), name: try Self.clipName(context))
            return Response(status: .noContent)
        }
    }

    /// The clip name from the path, percent-decoded.
    static func clipName(_ context: HallRequestContext) throws -> String {
        let raw = try context.parameters.require("clip")
        return raw.removingPercentEncoding ?? raw
    }
}
