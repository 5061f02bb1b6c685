import Foundation
import HTTPTypes
import HallDisplay
import HallServer
import HummingbirdTesting
import Testing

/// `/api/voice?number=…&window=…`: the hall screen page gets the call spoken as the daemon is
/// configured to speak it (phrase template and repeat count from `hardware.voice`), by espeak-ng.
@Suite("Spoken call for the hall screen")
struct VoiceRouteTests {
    @Test("the configured template and repeat count make the audio; bad numbers are refused")
    func configuredPhrase() async throws {
        let (server, folder) = try makeServer {
            $0.hardware = .none
            $0.hardware.voice.enabled = true
            $0.hardware.voice.playLocally = false
            $0.hardware.voice.template = "{number}号 请到{window}号窗口"
            $0.hardware.voice.repeatCount = 3
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let announcer = try #require(server.devices.calls?.announcer)
        let expected = "B 零 零 一号 请到三号窗口。B 零 零 一号 请到三号窗口。B 零 零 一号 请到三号窗口。"
        #expect(announcer.spokenText(for: DisplayCall(window: 3, ticketNumber: "B001")) == expected)

        try await server.makeApplication(port: 0).test(.router) { client in
            let voice = try await client.execute(uri: "/api/voice?number=b001&window=3", method: .get) { $0 }
            #expect(voice.status == .ok)
            #expect(voice.headers[.contentType] == "audio/wav")
            let served = Array(voice.body.readableBytesView)
            // The very file espeak-ng made for the configured phrase, said three times.
            let file = try announcer.audioFile(for: expected)
            #expect(served == [UInt8](try Data(contentsOf: file)))
            let once = try announcer.audioFile(for: "B 零 零 一号 请到三号窗口。")
            let (long, short) = (WAVInfo(contentsOf: file)?.duration ?? 0, WAVInfo(contentsOf: once)?.duration ?? 0)
            #expect(long > 2.5 * short, "three phrases take about three times as long (\(long) s vs \(short) s)")

            let recall = try await client.execute(uri: "/api/voice?number=B001&window=3&recall=1", method: .get) { $0 }
            #expect(recall.status == .ok)

            for bad in [
                "/api/voice?number=%3Cscript%3E&window=3", "/api/voice?number=B001&window=0", "/api/voice?number=B001",
                "/api/voice?number=B001&window=", "/api/voice?number=1B&window=3", "/api/voice?number=B001&window=3&recall=yes",
            ] {
                let (status, body) = try await client.send(.get, bad)
                #expect(status == .badRequest, "\(bad)")
                #expect(body.contains(#""error":"invalid_parameter""#) || body.contains(#""error":"missing_field""#), "\(body)")
            }
            // Well-formed, but no window or service of this hall: nothing by that name (404), as elsewhere in the API.
            for (unknown, code) in [
                ("/api/voice?number=B001&window=12", "unknown_window"), ("/api/voice?number=Z001&window=3", "unknown_ticket_prefix"),
                ("/api/voice?number=BB01&window=3", "unknown_ticket_prefix"),
            ] {
                let (status, body) = try await client.send(.get, unknown)
                #expect(status == .notFound, "\(unknown): \(body)")
                #expect(try errorBody(body).error == code)
            }

            // Any other text is spoken for signed-in staff and devices only, and briefly.
            let text = "/api/voice?text=\("请安静".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")"
            #expect(try await client.execute(uri: text, method: .get) { $0.status } == .unauthorized)
            #expect(try await client.send(.get, text, token: TestCredentials.screen).0 == .ok)
            let tooLong = "/api/voice?text=" + String(repeating: "a", count: 101)
            #expect(try await client.send(.get, tooLong, token: TestCredentials.screen).0 == .badRequest)
            // An anonymous client asking for call after call is slowed down (two calls were asked for above).
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<62 { statuses.append(try await client.execute(uri: "/api/voice?number=B001&window=3", method: .get) { $0.status }) }
            #expect(statuses.filter { $0 == .ok }.count == 58 && statuses.last == .tooManyRequests, "\(statuses)")
            let refused = try await client.execute(uri: "/api/voice?number=B001&window=3", method: .get) { $0 }
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] != nil)
        }
    }
}
