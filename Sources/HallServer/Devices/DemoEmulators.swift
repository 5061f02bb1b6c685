import Foundation
import HallDisplay
import HallEmulators

/// The virtual ticket printer and LED screens of the demo hall. Printed tickets are saved as
/// PNG and text under `<state>/printed/`; the screens listen on a pseudo-terminal linked at
/// `<state>/ttyLED`.
public final class DemoEmulators: @unchecked Sendable {
    public let printer: VirtualPrinter?
    private let printerServer: VirtualPrinterTCPServer?
    public let displays: VirtualDisplayBus?
    private let displayPTY: VirtualDisplayPTY?

    init(stateDirectory: URL, printer wantPrinter: Bool, screens: [UInt8]) throws {
        if wantPrinter {
            let printer = VirtualPrinter()
            let archive = try ReceiptArchive(directory: stateDirectory.appendingPathComponent("printed"))
            printer.onReceipt { receipt in _ = try? archive.save(receipt) }
            self.printer = printer
            printerServer = try VirtualPrinterTCPServer(printer: printer, host: "127.0.0.1", port: 0)
        } else {
            printer = nil
            printerServer = nil
        }
        if screens.isEmpty {
            displays = nil
            displayPTY = nil
        } else {
            let bus = VirtualDisplayBus(addresses: screens)
            displays = bus
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
            displayPTY = try VirtualDisplayPTY(bus: bus, linkPath: stateDirectory.appendingPathComponent("ttyLED").path)
        }
    }

    /// The loopback port the virtual printer listens on.
    var printerPort: UInt16? { printerServer?.port }
    /// The serial path of the virtual screens.
    var displayPath: String? { displayPTY?.path }

    deinit {
        printerServer?.stop()
        displayPTY?.stop()
    }
}
