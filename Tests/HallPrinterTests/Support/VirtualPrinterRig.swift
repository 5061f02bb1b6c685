import Foundation
import HallEmulators
import HallPrinter

/// A virtual printer on a TCP loopback port or a pty, with a driver connected to it
/// through a real kernel byte pipe.
final class VirtualPrinterRig: @unchecked Sendable {
    enum Transport { case tcp, pty }

    let printer: VirtualPrinter
    let profile: PrinterProfile
    private(set) var server: VirtualPrinterTCPServer?
    private(set) var pty: VirtualPrinterPTY?
    private(set) var port: UInt16 = 0
    let transport: Transport

    init(
        _ transport: Transport, profile: PrinterProfile = .generic80mm,
        state: SimulatedPrinterState = SimulatedPrinterState()
    ) throws {
        self.transport = transport
        self.profile = profile
        printer = VirtualPrinter(
            paperWidthDots: profile.printableDots, charactersPerLine: profile.charactersPerLine,
            state: state)
        try startEndpoint()
    }

    /// Starts (or restarts, on the same port) the endpoint.
    func startEndpoint() throws {
        switch transport {
        case .tcp:
            server = try VirtualPrinterTCPServer(printer: printer, port: port, tearOffAfterIdle: 0.3)
            port = server!.port
        case .pty:
            pty = try VirtualPrinterPTY(printer: printer, tearOffAfterIdle: 0.3)
        }
    }

    /// Takes the printer off the wire (TCP: port closed and clients dropped).
    func stopEndpoint() {
        server?.stop()
        server = nil
        pty?.stop()
        pty = nil
    }

    /// A fresh connection each time, as a driver needs after an unplug.
    var connectionFactory: DeviceConnectionFactory {
        let target: FileDescriptorConnection.Target =
            switch transport {
            case .tcp: .tcp(host: "127.0.0.1", port: port)
            case .pty: .path(pty!.devicePath)
            }
        return { FileDescriptorConnection(target) }
    }

    func makePrinter(statusTimeoutMilliseconds: Int = 3_000) -> TicketPrinter {
        TicketPrinter(
            profile: profile,
            timing: .init(
                statusReplyMilliseconds: statusTimeoutMilliseconds,
                writeMilliseconds: 10_000),
            connect: connectionFactory)
    }

    deinit { stopEndpoint() }
}
