import ArgumentParser
import Foundation
import HallEmulators

/// `hall-emulator printer`: a virtual ESC/POS ticket printer on TCP and/or a pty.
struct PrinterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "Run a virtual ESC/POS ticket printer that saves each receipt as PNG and text.")

    @Option(name: .long, help: "Listen on HOST:PORT like a network printer (raw port 9100).")
    var tcp: String?

    @Option(name: .long, help: "Also serve on a pseudo-terminal; make a symlink to it at this path.")
    var ptyLink: String?

    @Flag(name: .long, help: "Serve on a pseudo-terminal (its path is printed).")
    var pty = false

    @Option(name: .long, help: "Directory for NNNN.png and NNNN.txt of every receipt.")
    var out: String = "var/printed"

    @Option(name: .long, help: "Paper width in mm: 80 (576 dots, 48 columns) or 58 (384 dots, 32 columns).")
    var paper: Int = 80

    @Flag(name: .long, help: "Start without paper (status says paper out, print data is dropped).")
    var paperOut = false

    @Flag(name: .long, help: "Start with the cover open.")
    var coverOpen = false

    mutating func validate() throws {
        guard paper == 80 || paper == 58 else { throw ValidationError("--paper must be 58 or 80") }
        guard tcp != nil || pty || ptyLink != nil else {
            throw ValidationError("give --tcp HOST:PORT and/or --pty / --pty-link PATH")
        }
    }

    func run() async throws {
        let dots = paper == 80 ? 576 : 384
        let columns = paper == 80 ? 48 : 32
        let printer = VirtualPrinter(
            paperWidthDots: dots, charactersPerLine: columns,
            state: SimulatedPrinterState(paperOut: paperOut, coverOpen: coverOpen))
        let archive = try ReceiptArchive(
            directory: URL(fileURLWithPath: out), widthDots: dots,
            charactersPerLine: columns)
        printer.onReceipt { receipt in
            do {
                let files = try archive.save(receipt)
                say("printed \(files.png.lastPathComponent) (\(receipt.lines.count) lines, \(receipt.qrCodes.count) QR)")
            } catch {
                say("error: \(error)")
            }
        }
        var tcpServer: VirtualPrinterTCPServer?
        var ptyEndpoint: VirtualPrinterPTY?
        if let tcp {
            let parts = tcp.split(separator: ":")
            guard parts.count == 2, let port = UInt16(parts[1]) else {
                throw ValidationError("--tcp expects HOST:PORT, got \(tcp)")
            }
            tcpServer = try VirtualPrinterTCPServer(printer: printer, host: String(parts[0]), port: port)
            say("virtual printer listening on tcp://\(parts[0]):\(tcpServer!.port)")
        }
        if pty || ptyLink != nil {
            ptyEndpoint = try VirtualPrinterPTY(printer: printer, linkPath: ptyLink)
            say("virtual printer device at \(ptyEndpoint!.devicePath)")
        }
        say("paper \(paper) mm, receipts saved in \(archive.directory.path); Ctrl-C to stop")
        await waitForTermination()
        tcpServer?.stop()
        ptyEndpoint?.stop()
    }

    /// Writes a line to standard output unbuffered (the demo tails it through a pipe).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
