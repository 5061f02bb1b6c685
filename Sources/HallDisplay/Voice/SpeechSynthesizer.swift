import Foundation

/// Turns text into a WAV file.
public protocol SpeechSynthesizer: Sendable {
    /// Identifies voice and settings, so cached audio of another voice is not reused.
    var voiceKey: String { get }
    /// Writes the spoken `text` as WAV to `file`.
    func synthesize(_ text: String, to file: URL) throws(VoiceError)
}

/// espeak-ng with its Mandarin voice (`cmn`; `espeak-ng --voices=cmn` lists it).
public struct EspeakSynthesizer: SpeechSynthesizer {
    public var program: String
    public var voice: String
    /// Words per minute (espeak's `-s`); calls are clearer a little slower than the default 175.
    public var wordsPerMinute: Int

    public init(program: String = "espeak-ng", voice: String = "cmn", wordsPerMinute: Int = 140) {
        self.program = program
        self.voice = voice
        self.wordsPerMinute = wordsPerMinute
    }

    public var voiceKey: String { "espeak-ng/\(voice)/\(wordsPerMinute)" }

    public func synthesize(_ text: String, to file: URL) throws(VoiceError) {
        try ExternalProgram.run(program, ["-v", voice, "-s", String(wordsPerMinute), "-w", file.path, "--", text])
    }
}
