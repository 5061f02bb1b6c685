/// A byte pipe to a device: the seam between a device protocol (ESC/POS, LED display frames)
/// and the transport that carries its bytes (libusb, tty, TCP, a CUPS raw queue, a kernel
/// character device). Protocols write through it; transports implement it.
///
/// Calls block the calling thread for at most their timeout; drivers run them off the
/// async executors (on their own serial queue or thread).
public protocol DeviceConnection: AnyObject, Sendable {
    /// Human-readable address of the device, e.g. `usb:0416:5011`, `tcp:192.0.2.10:9100`.
    var address: String { get }
    /// Opens (or reopens) the device. Safe to call when already open.
    func open() throws(TransportError)
    /// Writes all of `bytes` or throws.
    func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError)
    /// Reads up to `maxLength` bytes; returns what arrived before the timeout (possibly nothing).
    func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8]
    /// Releases the device. Safe to call more than once.
    func close()
}
