import Foundation
import HallTransport

/// The virtual ticket printer, LED screens and ID card readers of the demo hall, started on demand by halld's
/// device setup when no real device is present. Printed tickets are saved as PNG and text under
/// `<state>/printed/`; the screens listen on a pseudo-terminal linked at `<state>/ttyLED`.
public final class DemoDevices: DeviceStandIns, @unchecked Sendable {
    private let stateDirectory: URL
    private let lock = NSLock()
    // Guarded by `lock`: set once when halld starts the emulator.
    private var startedPrinter: (printer: VirtualPrinter, server: VirtualPrinterTCPServer)?
    private var startedScreens: (bus: VirtualDisplayBus, pty: VirtualDisplayPTY)?
    private var startedReaders: [String: VirtualIDCardReaderPTY] = [:]

    /// Emulators whose output lands under `stateDirectory`.
    public init(stateDirectory: URL) {
        self.stateDirectory = stateDirectory
    }

    /// The virtual ticket printer, once started.
    public var printer: VirtualPrinter? { lock.withLock { startedPrinter?.printer } }
    /// The virtual LED screens, once started.
    public var displays: VirtualDisplayBus? { lock.withLock { startedScreens?.bus } }

    public func startTicketPrinter() throws -> UInt16 {
        try lock.withLock {
            if let startedPrinter { return startedPrinter.server.port }
            let printer = VirtualPrinter()
            let archive = try ReceiptArchive(directory: stateDirectory.appendingPathComponent("printed"))
            printer.onReceipt { receipt in _ = try? archive.save(receipt) }
            let server = try VirtualPrinterTCPServer(printer: printer, host: "127.0.0.1", port: 0)
            startedPrinter = (printer, server)
            return server.port
        }
    }

    public func startWindowScreens(addresses: [UInt8]) throws -> String {
        try lock.withLock {
            if let startedScreens { return startedScreens.pty.path }
            let bus = VirtualDisplayBus(addresses: addresses)
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
            let pty = try VirtualDisplayPTY(bus: bus, linkPath: stateDirectory.appendingPathComponent("ttyLED").path)
            startedScreens = (bus, pty)
            return pty.path
        }
    }

    /// The emulated ID card reader started under `name`, if any.
    public func idCardReader(_ name: String) -> VirtualIDCardReader? { lock.withLock { startedReaders[name]?.reader } }

    /// An emulated reader on which a demo card always lies (the next one after each read), on a
    /// pseudo-terminal linked at `<state>/ttyIDCard-<name>`.
    public func startIDCardReader(name: String) throws -> String {
        try lock.withLock {
            if let started = startedReaders[name] { return started.path }
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
            let reader = VirtualIDCardReader(cards: IDCardFixture.demo, cycling: true)
            let file = "ttyIDCard-" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" })
            let pty = try VirtualIDCardReaderPTY(reader: reader, linkPath: stateDirectory.appendingPathComponent(file).path)
            startedReaders[name] = pty
            return pty.path
        }
    }

    deinit {
        startedReaders.values.forEach { $0.stop() }
        startedPrinter?.server.stop()
        startedScreens?.pty.stop()
    }
}
