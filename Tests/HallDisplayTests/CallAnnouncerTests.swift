import Foundation
import HallDisplay
import Testing

/// Real espeak-ng (Mandarin voice) and a real player process.
@Suite("voice with espeak-ng")
struct CallAnnouncerTests {
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hall-voice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// soxi's duration, as an independent reading of the file.
    static func soxDuration(_ file: URL) throws -> Double {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/soxi")
        p.arguments = ["-D", file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func espeakProducesACachedWav() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = VoiceCache(directory: dir)
        let text = AnnouncementSettings().spokenText(for: DisplayCall(window: 3, ticketNumber: "A012"))
        let file = try cache.audioFile(for: text)
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(Array(bytes.prefix(4)) == Array("RIFF".utf8))
        let info = try #require(WAVInfo(bytes: bytes))
        #expect(info.duration > 1)
        #expect(abs(try Self.soxDuration(file) - info.duration) < 0.05)
        #expect(file.lastPathComponent == cache.fileName(for: text))

        let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        let again = try cache.audioFile(for: text)
        #expect(again == file)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date == modified)
        #expect(try cache.audioFile(for: "请 B 零 零 一 号") != file)
    }

    @Test func textThatIsNotACallIsRejected() throws {
        let cache = VoiceCache(directory: try Self.temporaryDirectory())
        #expect(throws: VoiceError.self) { try cache.audioFile(for: "") }
        #expect(throws: VoiceError.self) { try cache.audioFile(for: "请\u{1B}[31m") }
        #expect(throws: VoiceError.self) { try cache.audioFile(for: String(repeating: "请", count: 201)) }
    }

    @Test func missingEngineIsATypedError() throws {
        let cache = VoiceCache(
            directory: try Self.temporaryDirectory(),
            synthesizer: EspeakSynthesizer(program: "no-such-espeak"))
        #expect(throws: VoiceError.programNotFound("no-such-espeak")) { try cache.audioFile(for: "请") }
    }

    @Test func announcementsNeverOverlapAndRecallsAreSpokenAgain() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("player.log")
        // A real player process: logs start, decodes the whole file with sox to nothing, logs end.
        let script = "echo \"start $0\" >> '\(log.path)'; sox \"$0\" -n; sleep 0.05; echo \"end $0\" >> '\(log.path)'"
        let announcer = CallAnnouncer(
            settings: AnnouncementSettings(repeatCount: 1),
            cache: VoiceCache(directory: dir.appendingPathComponent("cache")),
            player: CommandAudioPlayer(command: ["/bin/sh", "-c", script]))
        let first = DisplayCall(window: 1, ticketNumber: "A001")
        let second = DisplayCall(window: 2, ticketNumber: "B002")
        announcer.announce(first)
        announcer.announce(second)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { announcer.announce(DisplayCall(window: 3, ticketNumber: "C003")) }
            group.addTask { announcer.announce(DisplayCall(window: 1, ticketNumber: "A001", isRecall: true)) }
        }
        await announcer.waitUntilIdle()

        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        // Strictly start/end pairs of the same file: no second start before the previous end.
        for i in stride(from: 0, to: lines.count - 1, by: 2) {
            #expect(lines[i].hasPrefix("start "))
            #expect(lines[i + 1] == "end " + lines[i].dropFirst(6))
        }
        let records = announcer.recent()
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.playedLocally && $0.error == nil })
        let played = stride(from: 0, to: lines.count, by: 2).map { String(lines[$0].dropFirst(6)) }
        #expect(played == records.map { $0.file!.path })
        #expect(records[0].call == first && records[1].call == second)
        // The recall of A001 was spoken again, from the same cached file.
        let a001 = records.filter { $0.call.ticketNumber == "A001" }
        #expect(a001.count == 2 && a001[0].file == a001[1].file)
    }
}
