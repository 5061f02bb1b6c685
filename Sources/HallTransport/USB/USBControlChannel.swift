import CLibUSB

/// Control transfers (endpoint 0) on an open device, handed to a `USBDeviceSetup`.
///
/// Only valid during `USBDeviceSetup.configure`; the connection owns the handle.
public struct USBControlChannel: @unchecked Sendable {
    /// `bmRequestType` of a vendor request to the device, host to device (0x40).
    public static let vendorOut: UInt8 = 0x40
    /// `bmRequestType` of a vendor request to the device, device to host (0xC0).
    public static let vendorIn: UInt8 = 0xC0
    /// `bmRequestType` of a class request to an interface, host to device (0x21).
    public static let classInterfaceOut: UInt8 = 0x21

    let handle: OpaquePointer
    /// The device being set up.
    public let device: USBDeviceInfo
    /// Interface numbers claimed for `USBDeviceSetup.additionalInterfaceClasses`, by class.
    public let claimedInterfaces: [UInt8: Int32]
    /// Timeout of each transfer.
    public let timeoutMilliseconds: Int

    /// Sends a request with no data stage or with `data` to the device.
    public func send(
        requestType: UInt8, request: UInt8, value: UInt16, index: UInt16,
        data: [UInt8] = []
    ) throws(TransportError) {
        var buffer = data
        let rc = buffer.withUnsafeMutableBufferPointer { buf in
            libusb_control_transfer(
                handle, requestType, request, value, index, buf.baseAddress,
                UInt16(buf.count), UInt32(timeoutMilliseconds))
        }
        guard rc >= 0 else { throw failure(rc, request, value, index) }
        guard Int(rc) == data.count else {
            throw .io("\(device) control request \(hexByte(request)) took \(rc) of \(data.count) bytes")
        }
    }

    /// Sends a vendor request to the device with no data stage.
    public func vendor(_ request: UInt8, value: UInt16, index: UInt16) throws(TransportError) {
        try send(requestType: Self.vendorOut, request: request, value: value, index: index)
    }

    /// Sends a request whose data stage (up to `length` bytes) comes from the device.
    public func receive(
        requestType: UInt8, request: UInt8, value: UInt16, index: UInt16,
        length: Int
    ) throws(TransportError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: length)
        let rc = buffer.withUnsafeMutableBufferPointer { buf in
            libusb_control_transfer(
                handle, requestType | 0x80, request, value, index, buf.baseAddress,
                UInt16(buf.count), UInt32(timeoutMilliseconds))
        }
        guard rc >= 0 else { throw failure(rc, request, value, index) }
        return Array(buffer.prefix(Int(rc)))
    }

    private func failure(_ rc: Int32, _ request: UInt8, _ value: UInt16, _ index: UInt16) -> TransportError {
        USBError.transportError(
            rc,
            during: "\(device) control request \(hexByte(request)) "
                + "value \(hex4(value)) index \(hex4(index))")
    }
}

/// Two lowercase hex digits with a 0x prefix, e.g. `0x9a`.
func hexByte(_ value: UInt8) -> String {
    "0x" + (value < 16 ? "0" : "") + String(value, radix: 16)
}
