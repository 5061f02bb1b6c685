/// A connection that collects written bytes and sends them as one unit on `flush()`.
///
/// Drivers that finish a unit of output (a ticket) should call `flush()` when the connection
/// is one of these: `(connection as? BufferedDeviceConnection)?.flush()`. Connections that send
/// every write at once need not adopt it.
public protocol BufferedDeviceConnection: DeviceConnection {
    /// Sends everything written since the last flush; returns when it was delivered or throws.
    func flush() throws(TransportError)
}
