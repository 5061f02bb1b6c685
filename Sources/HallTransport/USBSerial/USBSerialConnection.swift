import Foundation

/// A serial port behind a USB-serial bridge driven through libusb, for adapters that have no
/// kernel driver bound (no `/dev/ttyUSB*`): the same bytes a `TTYConnection` would carry.
///
/// A `USBConnection` opens the device (and reopens it after an unplug); at every open the chip's
/// line setup puts the UART in `settings` before any byte is written. Reads strip the chip's
/// framing (FTDI status bytes), read whole packets and keep what the caller did not take.
public final class USBSerialConnection: DeviceConnection, @unchecked Sendable {
    /// The adapter model.
    public let chip: any USBSerialChip
    /// Line settings applied at every open.
    public let settings: SerialSettings
    /// The libusb connection underneath.
    public let usb: USBConnection

    private let lock = NSLock()
    private var received: [UInt8] = []

    /// - Parameter match: the adapter's ids (see `USBSerialAdapter.match`).
    public init(match: USBDeviceMatch, chip: any USBSerialChip, settings: SerialSettings) {
        self.chip = chip
        self.settings = settings
        usb = USBConnection(match: match, setup: USBSerialLineSetup(chip: chip, settings: settings))
    }

    /// e.g. `usb-serial:1a86:7523 (ch34x, 9600 8N1)`.
    public var address: String {
        let ids = usb.match.vendorID.map { hex4($0) + ":" + (usb.match.productID.map(hex4) ?? "*") } ?? "any"
        return "usb-serial:\(ids) (\(chip.kind.rawValue), \(settings))"
    }

    /// The device open now, if any.
    public var openedDevice: USBDeviceInfo? { usb.openedDevice }

    public func open() throws(TransportError) {
        try usb.open()
    }

    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        try usb.write(bytes, timeoutMilliseconds: timeoutMilliseconds)
    }

    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        guard maxLength > 0 else { return [] }
        if let kept = take(maxLength) { return kept }
        let deadline = Deadline(milliseconds: timeoutMilliseconds)
        let packet = usb.bulkInMaxPacketSize ?? 64
        // Whole packets, so a device sending a full packet never overflows the buffer.
        let length = max(1, (maxLength + packet - 1) / packet) * packet
        repeat {
            let transfer = try usb.read(maxLength: length, timeoutMilliseconds: max(1, deadline.remainingMilliseconds))
            let data = chip.payload(ofBulkIn: transfer, maxPacketSize: packet)
            if !data.isEmpty {
                lock.withLock { received += data }
                return take(maxLength) ?? []
            }
            if transfer.isEmpty { break }  // timed out; a status-only packet means "nothing yet"
        } while !deadline.hasPassed
        return []
    }

    public func close() {
        usb.close()
        lock.withLock { received.removeAll() }
    }

    /// Up to `maxLength` bytes already received, or nil when none are kept.
    private func take(_ maxLength: Int) -> [UInt8]? {
        lock.withLock {
            guard !received.isEmpty else { return nil }
            let chunk = Array(received.prefix(maxLength))
            received.removeFirst(chunk.count)
            return chunk
        }
    }
}
