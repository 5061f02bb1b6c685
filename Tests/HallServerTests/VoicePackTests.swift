import Foundation
import HTTPTypes
import HallCore
import HallDisplay
import HallServer
import HummingbirdTesting
import NIOCore
import Testing

/// Voice packs through the real HTTP API on a real SQLite file: clips of distinct generated tones
/// are uploaded, and the call audio (the hall screen's `/api/voice`, the same file the hall
/// machine plays) is checked sample range by sample range.
@Suite("Voice packs: recorded Mongolian clips joined with the Mandarin call")
struct VoicePackTests {
    /// A distinct clip per index: its own length and a constant-free tone, so every range is recognisable.
    static func tone(_ index: Int) -> PCMAudio {
        let count = 2_000 + 317 * index
        let samples = (0..<count).map { n in Int16(8_000 * sin(Double(n) * Double(index + 3) / 40)) + Int16(index) }
        return PCMAudio(sampleRate: VoiceClipRules.sampleRate, samples: samples)
    }

    struct Listing: Decodable {
        struct Pack: Decodable {
            var language: String
            var complete: Bool
            var missing: [String]
        }
        var inUse: Bool
        var packs: [Pack]
    }

    static func bilingual(_ c: inout HallConfiguration) {
        c.center.languages = ["mn", "zh"]
        c.hardware.voice.enabled = true
        c.hardware.voice.playLocally = false
        c.hardware.voice.repeatCount = 2
    }

    @Test("a complete pack: the Mongolian clips in order, twice, then the Mandarin; incomplete: Mandarin only")
    func joinedCall() async throws {
        let (server, folder) = try makeServer(Self.bilingual)
        defer { try? FileManager.default.removeItem(at: folder) }
        let announcer = try #require(server.devices.calls?.announcer)
        let plan = try server.voicePacks.packs.plan(.mn)
        let required = plan.required.map(\.name)
        #expect(required.count == 10 + 6 + 2, "digits, the demo hall's letters A–F, the template's two phrases: \(required)")
        let call = DisplayCall(window: 3, ticketNumber: "B012")
        let mandarinFile = try announcer.audioFile(for: announcer.spokenText(for: call))
        let mandarinBytes = [UInt8](try Data(contentsOf: mandarinFile))

        try await server.makeApplication(port: 0).test(.router) { client in
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            func listing() async throws -> Listing.Pack {
                let list = try await client.decode(Listing.self, .get, "/api/voice-packs", token: admin)
                guard let pack = list.packs.first(where: { $0.language == "mn" }) else { throw TestFailure("no mn pack listed") }
                return pack
            }
            func upload(_ name: String, _ wav: [UInt8], token: String? = nil) async throws -> (HTTPResponse.Status, String) {
                let path = "/api/voice-packs/mn/clips/" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name)
                return try await client.execute(
                    uri: path, method: .put,
                    headers: [.authorization: "Bearer \(token ?? admin)", .contentType: "audio/wav"], body: ByteBuffer(bytes: wav)
                ) { ($0.status, String(buffer: $0.body)) }
            }
            func voice() async throws -> [UInt8] {
                try await client.execute(uri: "/api/voice?number=B012&window=3", method: .get) { response in
                    // The audio changes when the pack is completed: the hall screen must not keep it for a day.
                    #expect(response.headers[.cacheControl] == "no-cache")
                    return Array(response.body.readableBytesView)
                }
            }
            #expect(try await listing().missing == required)
            #expect(try await voice() == mandarinBytes, "no clip yet: the Mandarin call exactly as before")

            // Every clip but the last: still Mandarin only, and the last is the one missing.
            for (i, name) in required.dropLast().enumerated() {
                let (status, body) = try await upload(name, Self.tone(i).wavBytes())
                #expect(status == .ok, "\(name): \(body)")
            }
            #expect(try await listing().missing == [required[required.count - 1]])
            #expect(try await listing().complete == false)
            #expect(try await voice() == mandarinBytes)

            let (status, body) = try await upload(required[required.count - 1], Self.tone(required.count - 1).wavBytes())
            #expect(status == .ok, "\(body)")
            let pack = try await listing()
            #expect(pack.complete && pack.missing.isEmpty)
            let joined = try await voice()
            let info = try #require(WAVInfo(bytes: joined))
            #expect(info.channels == 1 && info.sampleRate == VoiceClipRules.sampleRate && info.bitsPerSample == 16)
            #expect(info.dataBytes == joined.count - 44)
            let samples = try #require(PCMAudio(wav: joined)).samples
            let mandarin = try #require(PCMAudio(wav: mandarinBytes)).samples

            // B 0 1 2, then "ᠳ᠋ᠤᠭᠠᠷ", window 3, then the closing phrase: indices into `required`.
            let index = Dictionary(uniqueKeysWithValues: required.enumerated().map { ($1, $0) })
            let order = try ["letter.B", "digit.0", "digit.1", "digit.2", plan.template.words[0].name, "digit.3", plan.template.words[1].name]
                .map { try #require(index[$0]) }
            let phrase = order.map { Self.tone($0).samples.count }.reduce(0, +)
            let gap = Int((CallAnnouncer.phraseGap * Double(VoiceClipRules.sampleRate)).rounded())
            // Said twice (repeatCount 2), then the Mandarin, a gap between each two parts.
            #expect(samples.count == 2 * phrase + mandarin.count + 2 * gap)
            var at = 0
            for _ in 0..<2 {
                for i in order {
                    let clip = Self.tone(i).samples
                    #expect(Array(samples[at..<(at + clip.count)]) == clip, "clip \(required[i]) at sample \(at)")
                    at += clip.count
                }
                #expect(samples[at..<(at + gap)].allSatisfy { $0 == 0 }, "a silent gap at \(at)")
                at += gap
            }
            #expect(Array(samples[at...]) == mandarin, "the Mandarin call last")
            // The hall machine plays the very same audio.
            #expect([UInt8](try Data(contentsOf: try announcer.audioFile(for: call))) == joined)

            // Removing a clip makes the pack incomplete again: Mandarin only.
            let removed = try await client.send(.delete, "/api/voice-packs/mn/clips/digit.7", token: admin)
            #expect(removed.0 == .noContent)
            #expect(try await listing().missing == ["digit.7"])
            #expect(try await voice() == mandarinBytes)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit", token: admin)
            let audited = audit.filter { $0.action == "voice.manage" && $0.actor == "admin" }
            #expect(audited.count == required.count + 1, "uploads and the removal audited")
        }
    }

    @Test("bad uploads are refused with a Chinese message; a clerk cannot upload")
    func badUploads() async throws {
        let (server, folder) = try makeServer(Self.bilingual)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.router) { client in
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let clerk = try await client.clerkToken()
            func put(_ path: String, _ wav: [UInt8], token: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(
                    uri: path, method: .put, headers: [.authorization: "Bearer \(token)", .contentType: "audio/wav"],
                    body: ByteBuffer(bytes: wav)
                ) { ($0.status, String(buffer: $0.body)) }
            }
            let rate = VoiceClipRules.sampleRate
            var stereo = PCMAudio(sampleRate: rate, samples: Array(repeating: 100, count: 4_000)).wavBytes()
            stereo[22] = 2  // channels
            var eightBit = PCMAudio(sampleRate: rate, samples: Array(repeating: 100, count: 4_000)).wavBytes()
            eightBit[34] = 8
            let cases: [([UInt8], HTTPResponse.Status, String)] = [
                (Array("not a wav file".utf8), .badRequest, "not_wav"),
                (stereo, .badRequest, "wrong_audio_format"),
                (eightBit, .badRequest, "wrong_audio_format"),
                (PCMAudio(sampleRate: 16_000, samples: Array(repeating: 1, count: 4_000)).wavBytes(), .badRequest, "wrong_sample_rate"),
                (PCMAudio(sampleRate: rate, samples: Array(repeating: 1, count: rate * 4)).wavBytes(), .badRequest, "clip_too_long"),
                (Array(repeating: 0, count: 300 * 1024), .contentTooLarge, "clip_too_big"),
                (PCMAudio(sampleRate: rate, samples: []).wavBytes(), .badRequest, "empty_clip"),
            ]
            for (wav, status, code) in cases {
                let (got, body) = try await put("/api/voice-packs/mn/clips/digit.1", wav, token: admin)
                #expect(got == status, "\(code): \(body)")
                let error = try errorBody(body)
                #expect(error.error == code)
                #expect(error.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(error.message)")
            }
            let good = PCMAudio(sampleRate: rate, samples: Array(repeating: 1, count: 4_000)).wavBytes()
            #expect(try await put("/api/voice-packs/mn/clips/digit.10", good, token: admin).0 == .notFound)
            #expect(try await put("/api/voice-packs/mn/clips/letter.Z", good, token: admin).0 == .notFound, "no prefix has Z")
            #expect(try await put("/api/voice-packs/zh/clips/digit.1", good, token: admin).0 == .notFound)
            #expect(try await put("/api/voice-packs/mn/clips/digit.1", good, token: clerk).0 == .forbidden)
            #expect(try await client.send(.get, "/api/voice-packs", token: clerk).0 == .forbidden)
            #expect(try await put("/api/voice-packs/mn/clips/digit.1", good, token: admin).0 == .ok)
            // Played back as uploaded, for staff who may manage packs only.
            let back = try await client.execute(
                uri: "/api/voice-packs/mn/clips/digit.1", method: .get, headers: [.authorization: "Bearer \(admin)"]
            ) { Array($0.body.readableBytesView) }
            #expect(back == good)
        }
    }

    @Test("a Chinese-only hall has no pack and its call audio is espeak-ng's file unchanged")
    func chineseOnlyHall() async throws {
        let (server, folder) = try makeServer {
            $0.hardware.voice.enabled = true
            $0.hardware.voice.playLocally = false
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let announcer = try #require(server.devices.calls?.announcer)
        let call = DisplayCall(window: 2, ticketNumber: "A007")
        let espeak = [UInt8](try Data(contentsOf: try announcer.audioFile(for: announcer.spokenText(for: call))))
        #expect(try announcer.audioFile(for: call) == announcer.audioFile(for: announcer.spokenText(for: call)))
        try await server.makeApplication(port: 0).test(.router) { client in
            let (served, caching) = try await client.execute(uri: "/api/voice?number=A007&window=2", method: .get) {
                (Array($0.body.readableBytesView), $0.headers[.cacheControl])
            }
            #expect(served == espeak)
            #expect(caching == "max-age=86400", "as before")
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let list = try await client.decode(Listing.self, .get, "/api/voice-packs", token: admin)
            #expect(list.packs.isEmpty && !list.inUse)
        }
    }
}
