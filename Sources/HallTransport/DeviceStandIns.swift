/// Stand-ins for the hall's devices when none is plugged in (the demo hall): each call starts an
/// emulator that speaks the device's real protocol and says where to connect to it. `halld` passes
/// the emulators (`HallEmulators.DemoDevices`); the server library itself ships none.
public protocol DeviceStandIns: AnyObject, Sendable {
    /// Starts a virtual ESC/POS ticket printer; returns the loopback TCP port it listens on.
    func startTicketPrinter() throws -> UInt16
    /// Starts virtual LED window screens at the bus `addresses`; returns the serial device path.
    func startWindowScreens(addresses: [UInt8]) throws -> String
    /// Starts an emulated ID card reader (SAM protocol) named `name`; returns its serial device path.
    func startIDCardReader(name: String) throws -> String
}

extension DeviceStandIns {
    /// Stand-ins without an ID card reader.
    public func startIDCardReader(name: String) throws -> String {
        throw TransportError.notFound("no emulated ID card reader")
    }
}
