import Foundation

/// Plays a WAV file to the end (blocking).
public protocol AudioPlayer: Sendable {
    func play(_ file: URL) throws(VoiceError)
}

/// Plays through an external command; the file path is appended as the last argument.
/// Default `aplay -q` (ALSA). Tests and unusual hosts configure another command.
public struct CommandAudioPlayer: AudioPlayer {
    public var command: [String]

    public init(command: [String] = ["aplay", "-q"]) { self.command = command }

    public func play(_ file: URL) throws(VoiceError) {
        guard let program = command.first else { throw .programNotFound("(empty player command)") }
        try ExternalProgram.run(program, Array(command.dropFirst()) + [file.path])
    }

    /// Whether the host has a sound card: `/proc/asound/cards` lists one.
    public static func hostHasSoundCard(cardsFile: String = "/proc/asound/cards") -> Bool {
        guard let text = try? String(contentsOfFile: cardsFile, encoding: .utf8) else { return false }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.contains { !$0.isEmpty && !$0.contains("no soundcards") }
    }
}
