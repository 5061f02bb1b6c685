import ArgumentParser
import Foundation
import HallEmulators
import HallIDCard

/// `hall-emulator idcard`: an ID card reader (SAM protocol, GA 467) on a pseudo-terminal.
///
///     hall-emulator idcard --pty-link var/ttyIDCard --cards cards.json --place 0
///
/// Lines on standard input change what lies on the reader: `place N`, `remove`,
/// `fault KIND [TIMES]` (bad-checksum, card-removed, wrong-card, timeout, unplug), `fault none`.
struct IDCardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idcard",
        abstract: "Emulate a resident ID card reader (SAM protocol) on a pty.")

    @Option(name: .customLong("pty-link"), help: "Symlink to create to the pty slave.")
    var ptyLink = "var/ttyIDCard"

    @Option(help: "JSON file of cards (fictitious people); default: the demo hall's cards.")
    var cards: String?

    @Option(help: "Index of the card lying on the reader at start.")
    var place: Int?

    @Flag(help: "A card always lies on the reader, the next one after each read (the demo hall).")
    var cycle = false

    @Option(help: "A fault from the start: \(VirtualIDCardReader.Fault.allCases.map(\.rawValue).joined(separator: ", ")).")
    var fault: String?

    @Flag(help: "One JSON object per request (command, status) instead of text lines.")
    var json = false

    func run() async throws {
        let set = try cards.map { try IDCardFixture.load(URL(fileURLWithPath: $0)) } ?? IDCardFixture.demo
        let reader = VirtualIDCardReader(cards: set, cycling: cycle)
        if let place, reader.place(place) == nil { throw ValidationError("no card \(place) (there are \(set.count))") }
        if let fault {
            guard let kind = VirtualIDCardReader.Fault(rawValue: fault) else { throw ValidationError("unknown fault \(fault)") }
            reader.inject(kind)
        }
        let json = self.json
        reader.onRequest = { r in
            let command = r.command.map { "\($0)" } ?? "damaged"
            let status = r.answered.map { String(format: "%02X", $0.rawValue) } ?? "none"
            Self.emit(json ? #"{"command":"\#(command)","status":"\#(status)"}"# : "\(command) -> \(status)")
        }
        let pty = try VirtualIDCardReaderPTY(reader: reader, linkPath: ptyLink)
        Self.emit(json ? #"{"ready":"\#(pty.slavePath)"}"# : "ID card reader (\(set.count) cards) on \(pty.slavePath), linked at \(ptyLink)")
        let control = Thread { Self.control(reader) }
        control.start()
        await waitForTermination()
        pty.stop()
    }

    /// Applies the commands read from standard input.
    static func control(_ reader: VirtualIDCardReader) {
        while let line = readLine() {
            let words = line.split(separator: " ").map(String.init)
            switch words.first {
            case "place": if let n = words.dropFirst().first.flatMap({ Int($0) }) { reader.place(n) }
            case "remove": reader.remove()
            case "fault":
                let kind = words.dropFirst().first.flatMap(VirtualIDCardReader.Fault.init(rawValue:))
                reader.inject(kind, times: words.dropFirst(2).first.flatMap { Int($0) })
            default: break
            }
        }
    }

    /// Writes a line to standard output at once.
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
