import CLibUSB
import Foundation

/// A USB printer (or other bulk device) through libusb: bulk OUT for data, bulk IN for status.
///
/// `open()` picks the device by `USBDeviceMatch` (ids first, then interface class), detaches
/// the kernel driver (usblp) if one is bound, and claims the interface. A device that goes
/// away during a transfer turns the connection into a lost state: I/O then throws
/// `disconnected` until `open()` finds the device again.
///
/// Thread-safe: one writer and one reader may run at the same time; `open()`/`close()` wait
/// for both.
public final class USBConnection: DeviceConnection {
    /// What this connection opens.
    public let match: USBDeviceMatch
    public var address: String { match.description }

    private struct OpenDevice: @unchecked Sendable {
        let handle: OpaquePointer
        let info: USBDeviceInfo
        let endpoints: USBEndpoints
        let detachedKernelDriver: Bool
    }

    private enum State {
        case closed
        case open(OpenDevice)
        case lost(OpenDevice, String)
    }

    private let state = TransportLock<State>(.closed)
    private let writeLock = NSLock()
    private let readLock = NSLock()

    /// Creates a connection; nothing is opened until `open()`.
    public init(match: USBDeviceMatch) {
        self.match = match
    }

    deinit { close() }

    /// The device that is open, if any (for logs and health reports).
    public var openedDevice: USBDeviceInfo? {
        state.withLock { state in
            if case .open(let device) = state { return device.info }
            return nil
        }
    }

    public func open() throws(TransportError) {
        writeLock.lock(); readLock.lock()
        defer { readLock.unlock(); writeLock.unlock() }
        let current = state.withLock { $0 }
        switch current {
        case .open: return
        case .lost(let device, _): release(device)
        case .closed: break
        }
        state.withLock { $0 = .closed }
        let device = try openDevice()
        state.withLock { $0 = .open(device) }
    }

    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        let device = try usableDevice()
        let deadline = Deadline(milliseconds: timeoutMilliseconds)
        var offset = 0
        var buffer = bytes
        while offset < buffer.count {
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0 else {
                throw .timeout("USB bulk OUT wrote \(offset) of \(buffer.count) bytes to \(device.info)")
            }
            var transferred: Int32 = 0
            let rc = buffer.withUnsafeMutableBufferPointer { buf in
                libusb_bulk_transfer(device.handle, device.endpoints.bulkOut,
                                     buf.baseAddress! + offset, Int32(buf.count - offset),
                                     &transferred, UInt32(remaining))
            }
            offset += Int(transferred)
            if rc == 0 || rc == LIBUSB_ERROR_TIMEOUT.rawValue { continue }
            throw failure(rc, device: device, endpoint: device.endpoints.bulkOut,
                          during: "bulk OUT after \(offset) of \(buffer.count) bytes")
        }
    }

    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        readLock.lock()
        defer { readLock.unlock() }
        let device = try usableDevice()
        guard let endpoint = device.endpoints.bulkIn else {
            throw .io("USB device \(device.info) has no bulk IN endpoint to read status from")
        }
        guard maxLength > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: maxLength)
        var transferred: Int32 = 0
        let rc = buffer.withUnsafeMutableBufferPointer { buf in
            libusb_bulk_transfer(device.handle, endpoint, buf.baseAddress, Int32(buf.count),
                                 &transferred, UInt32(max(1, timeoutMilliseconds)))
        }
        if rc == 0 || rc == LIBUSB_ERROR_TIMEOUT.rawValue {
            return Array(buffer.prefix(Int(transferred)))
        }
        throw failure(rc, device: device, endpoint: endpoint, during: "bulk IN")
    }

    public func close() {
        writeLock.lock(); readLock.lock()
        defer { readLock.unlock(); writeLock.unlock() }
        let current = state.withLock { state -> State in
            defer { state = .closed }
            return state
        }
        switch current {
        case .open(let device), .lost(let device, _): release(device)
        case .closed: break
        }
    }

    // MARK: - Internals

    private func usableDevice() throws(TransportError) -> OpenDevice {
        let current = state.withLock { $0 }
        switch current {
        case .open(let device): return device
        case .lost(_, let reason): throw .disconnected("\(address): \(reason); call open() to reconnect")
        case .closed: throw .disconnected("\(address) is not open")
        }
    }

    /// Maps a failed transfer; a vanished device marks the connection lost.
    private func failure(_ rc: Int32, device: OpenDevice, endpoint: UInt8,
                         during operation: String) -> TransportError {
        let error = USBError.transportError(rc, during: "\(device.info) \(operation)")
        if rc == LIBUSB_ERROR_PIPE.rawValue { _ = libusb_clear_halt(device.handle, endpoint) }
        if case .disconnected(let reason) = error {
            state.withLock { state in
                if case .open(let current) = state, current.handle == device.handle {
                    state = .lost(current, reason)
                }
            }
        }
        return error
    }

    private func openDevice() throws(TransportError) -> OpenDevice {
        let context = try USBContext.shared()
        let found = try USBDeviceFinder.find(match, in: context)
        defer { libusb_unref_device(found.device) }

        var handle: OpaquePointer?
        let rc = libusb_open(found.device, &handle)
        guard rc == 0, let handle else {
            throw USBError.transportError(rc, during: "open \(found.info)", opening: true)
        }
        let interface = found.endpoints.interfaceNumber
        var detached = false
        if libusb_kernel_driver_active(handle, interface) == 1 {
            let detach = libusb_detach_kernel_driver(handle, interface)
            guard detach == 0 || detach == LIBUSB_ERROR_NOT_FOUND.rawValue else {
                libusb_close(handle)
                throw USBError.transportError(detach, during: "detach kernel driver from \(found.info)", opening: true)
            }
            detached = detach == 0
        }
        let claim = libusb_claim_interface(handle, interface)
        guard claim == 0 else {
            if detached { _ = libusb_attach_kernel_driver(handle, interface) }
            libusb_close(handle)
            throw USBError.transportError(claim, during: "claim interface \(interface) of \(found.info)", opening: true)
        }
        return OpenDevice(handle: handle, info: found.info, endpoints: found.endpoints,
                          detachedKernelDriver: detached)
    }

    private func release(_ device: OpenDevice) {
        let interface = device.endpoints.interfaceNumber
        _ = libusb_release_interface(device.handle, interface)
        if device.detachedKernelDriver { _ = libusb_attach_kernel_driver(device.handle, interface) }
        libusb_close(device.handle)
    }
}
