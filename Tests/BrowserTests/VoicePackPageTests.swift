import Foundation
import HallCore
import Testing

/// The admin page's 语音包 section in headless Chromium with its fake microphone: a clip recorded
/// with MediaRecorder, resampled and encoded as WAV in the page, lands on the server as a valid clip.
@Suite("Voice pack recording in headless Chromium", .serialized)
struct VoicePackPageTests {
    @Test("a clip recorded in the browser is uploaded as mono 16-bit WAV at the pack's rate; the missing list shrinks")
    func recordClip() async throws {
        let hall = try await BrowserHarness(
            browserArguments: [
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
            ]
        ) {
            $0.center.languages = ["mn", "zh"]
            $0.hardware.voice.enabled = true
            $0.hardware.voice.playLocally = false
        }
        do {
            try await hall.createAccount("head", roles: [.head])
            let b = hall.browser
            try await b.open(hall.url("/admin/"))
            try await hall.signInOnPage("head")
            try await b.tap("button[data-tab='devices']")
            try await b.waitVisible("#voice-packs-card")
            try await b.waitVisible("#voice-missing-mn")
            let before = try await b.script("return Number(document.getElementById('voice-missing-mn').dataset.missing);") as? Int ?? -1
            #expect(before == 18, "ten digits, the letters A–F, two phrases")
            #expect(try await b.text("[data-state='digit.0']") == "缺少")
            #expect(try await b.text("#voice-missing-mn").contains("缺少："))

            try await b.tap("button[data-record='digit.0']")
            try await b.waitUntil("recording", "return document.querySelector(\"button[data-record='digit.0']\").textContent === '停止';")
            try await Task.sleep(for: .milliseconds(1_200))
            try await b.tap("button[data-record='digit.0']")
            try await b.waitUntil(
                "the upload", timeout: .seconds(30),
                "const c = document.querySelector(\"[data-state='digit.0']\"); return !!c && c.textContent.startsWith('已录');")
            let after = try await b.script("return Number(document.getElementById('voice-missing-mn').dataset.missing);") as? Int ?? -1
            #expect(after == before - 1)
            #expect(try await b.text("#error").isEmpty)
            try await hall.screenshot("admin-voice-pack")

            let head = try await hall.signIn("head")
            let (status, wav) = try await hall.send("GET", "/api/voice-packs/mn/clips/digit.0", token: head)
            #expect(status == 200)
            // The page's encoder writes a canonical 44-byte header: read it field by field.
            let bytes = [UInt8](wav)
            func field(_ at: Int, _ size: Int) -> Int { (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
            try #require(bytes.count > 44)
            #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF" && String(decoding: bytes[8..<16], as: UTF8.self) == "WAVEfmt ")
            #expect(field(20, 2) == 1 && field(22, 2) == 1 && field(24, 4) == VoiceClipRules.sampleRate && field(34, 2) == 16)
            #expect(String(decoding: bytes[36..<40], as: UTF8.self) == "data" && field(40, 4) == bytes.count - 44)
            let seconds = Double(bytes.count - 44) / 2 / Double(VoiceClipRules.sampleRate)
            #expect(seconds > 0.5 && seconds <= VoiceClipRules.maxSeconds, "\(seconds) s")
            // Chromium's fake microphone beeps: the clip is not silence.
            let loud = stride(from: 44, to: bytes.count - 1, by: 2).contains { abs(Int(Int16(bitPattern: UInt16(field($0, 2))))) > 1_000 }
            #expect(loud)
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
    }
}
