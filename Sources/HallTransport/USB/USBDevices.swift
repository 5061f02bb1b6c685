/// Enumeration of the USB bus.
public enum USBDevices {
    /// Devices on the bus that satisfy `match` (all devices when nil).
    public static func list(matching match: USBDeviceMatch?) throws(TransportError) -> [USBDeviceInfo] {
        try USBDeviceFinder.list(match, in: USBContext.shared())
    }
}
