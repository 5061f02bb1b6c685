import ArgumentParser
import Foundation
import HallDisplay
import HallEmulators

/// `hall-emulator display`: emulated LED window screens on a pseudo-terminal.
///
///     hall-emulator display --pty-link var/ttyLED0 --addresses 1,2,3
///
/// creates a pty, links `var/ttyLED0` to its slave (open it with a display profile whose port is
/// that path), decodes every frame, answers ACK/NAK and prints what each screen shows.
struct DisplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "Emulate LED window screens on a pty (hall-frame-v1 or a vendor-style protocol).")

    @Option(name: .customLong("pty-link"), help: "Symlink to create to the pty slave.")
    var ptyLink = "var/ttyLED0"

    @Option(help: "Comma-separated bus addresses of the screens, e.g. 1,2,3.")
    var addresses = "1,2,3"

    @Option(name: .customLong("protocol"), help: "Wire protocol: \(DisplayWireProtocols.known.joined(separator: ", ")).")
    var protocolID = HallFrameProtocol.identifier

    @Option(help: "Comma-separated addresses of screens that never answer (simulated dead screens).")
    var dead = ""

    @Flag(help: "Screens never answer (like cheap strip screens).")
    var silent = false

    @Flag(help: "One JSON object per decoded frame (address, command, answered, text, call) instead of text lines.")
    var json = false

    func run() async throws {
        let list = try Self.parseAddresses(addresses)
        let deadList = dead.isEmpty ? [] : try Self.parseAddresses(dead)
        let wire = try DisplayWireProtocols.make(id: protocolID, encoding: .gb18030, maxTextBytes: 1024)
        let bus = VirtualDisplayBus(wire: wire, addresses: list, answers: !silent)
        for a in deadList { bus[a]?.isDead = true }
        let json = self.json
        bus.onFrame = { frame in
            let screen = bus[frame.address]
            if json {
                Self.emitJSON(frame, screen: screen)
                return
            }
            let shows = screen.map { "shows \"\($0.text)\" brightness \($0.brightness)" } ?? "(no screen)"
            Self.emit("[\(frame.address)] \(frame.request) answered=\(frame.answered) \(shows)")
        }
        let pty = try VirtualDisplayPTY(bus: bus, linkPath: ptyLink)
        Self.emit("LED screens \(list.map(String.init).joined(separator: ",")) (\(wire.id)) on \(pty.slavePath), linked at \(ptyLink)")

        await waitForTermination()
        pty.stop()
    }

    /// `{"address":3,"command":"show_call","answered":true,"text":"请A012号到3号窗口","call":true}`.
    static func emitJSON(_ frame: VirtualDisplayBus.ReceivedFrame, screen: VirtualLEDScreen?) {
        let command: String =
            switch frame.request {
            case .refused: "refused"
            case .command(_, _, .showCall): "show_call"
            case .command(_, _, .showIdleText): "show_idle_text"
            case .command(_, _, .brightness): "brightness"
            case .command(_, _, .clear): "clear"
            case .command(_, _, .ping): "ping"
            case .command(_, _, .showImage): "show_image"
            }
        var fields: [String: Any] = ["address": Int(frame.address), "command": command, "answered": frame.answered]
        if let screen {
            fields["text"] = screen.text
            fields["call"] = screen.isShowingCall
            if let image = screen.image { fields["image"] = ["width": image.width, "height": image.height] }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
        emit(String(decoding: data, as: UTF8.self))
    }

    /// Writes a line to standard output at once (unbuffered, so piped logs stay live).
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func parseAddresses(_ text: String) throws -> [UInt8] {
        try text.split(separator: ",").map {
            guard let a = UInt8($0.trimmingCharacters(in: .whitespaces)), a >= 1 else {
                throw ValidationError("bad address \($0): use 1…254")
            }
            return a
        }
    }
}
