import Foundation

/// Synthesized announcements on disk, one WAV per distinct text and voice. The file name is a
/// 64-bit FNV-1a hash of voice and text, so the same call always maps to the same file and the
/// hall screen page can fetch it by URL. Synthesis is serialised; a file appears atomically.
public final class VoiceCache: @unchecked Sendable {
    public let directory: URL
    public let synthesizer: any SpeechSynthesizer
    /// Longest text accepted (characters).
    public let maxTextLength: Int
    private let lock = NSLock()

    public init(
        directory: URL, synthesizer: any SpeechSynthesizer = EspeakSynthesizer(),
        maxTextLength: Int = 200
    ) {
        self.directory = directory
        self.synthesizer = synthesizer
        self.maxTextLength = maxTextLength
    }

    /// The WAV file speaking `text`, synthesized now unless cached.
    public func audioFile(for text: String) throws(VoiceError) -> URL {
        let text = try Self.validated(text, maxLength: maxTextLength)
        let file = directory.appendingPathComponent(fileName(for: text))
        lock.lock()
        defer { lock.unlock() }
        if FileManager.default.fileExists(atPath: file.path) { return file }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cacheUnavailable("\(directory.path): \(error.localizedDescription)")
        }
        let partial = directory.appendingPathComponent(".\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: partial) }
        try synthesizer.synthesize(text, to: partial)
        guard let info = WAVInfo(contentsOf: partial), info.duration > 0 else {
            throw .noAudio("\(synthesizer.voiceKey) wrote no audio for \(text)")
        }
        guard rename(partial.path, file.path) == 0 else {
            throw .cacheUnavailable("\(file.path): rename failed (errno \(errno))")
        }
        return file
    }

    /// `voice key + text` hashed: `<16 hex digits>.wav`.
    public func fileName(for text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array((synthesizer.voiceKey + "\n" + text).utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".wav"
    }

    /// Accepts call-like text only: letters, digits, CJK, spaces and common punctuation, at most
    /// `maxLength` characters. Keeps a public `/api/voice?text=` from becoming a general TTS service
    /// and keeps control characters away from the engine.
    public static func validated(_ text: String, maxLength: Int) throws(VoiceError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .textRejected("空文本") }
        guard trimmed.count <= maxLength else { throw .textRejected("超过 \(maxLength) 个字") }
        let allowedPunctuation = Set("。，、：；！？ ,.:;!?-")
        for scalar in trimmed.unicodeScalars {
            let ok =
                (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)))
                || allowedPunctuation.contains(Character(scalar))
                || (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            guard ok else { throw .textRejected("含有不允许的字符 U+\(String(scalar.value, radix: 16, uppercase: true))") }
        }
        return trimmed
    }
}
