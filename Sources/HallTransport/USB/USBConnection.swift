import CLibUSB
import Foundation

/// A USB printer (or other bulk device) through libusb: bulk OUT for data, bulk IN for status.
///
/// `open()` picks the device by `USBDeviceMatch` (ids first, then interface class), detaches
/// the kernel driver (usblp) if one is bound, and claims the interface. A device that goes
/// away during a transfer turns the connection into a lost state: I/O then throws
/// `disconnected` until `open()` finds the device again.
///
/// A `setup` (e.g. a USB-serial bridge's line settings) runs after every open, before any
/// transfer; its further interfaces are claimed (and released on close) with the main one.
///
/// Thread-safe: one writer and one reader may run at the same time; `open()`/`close()` wait
/// for both.
public final class USBConnection: DeviceConnection {
    /// What this connection opens.
    public let match: USBDeviceMatch
    /// What runs on the device after each open, if anything.
    public let setup: (any USBDeviceSetup)?
    /// Timeout of each control transfer of the setup.
    public let setupTimeoutMilliseconds: Int
    public var address: String { match.description }

    /// A claimed interface and whether a kernel driver was detached from it.
    private struct ClaimedInterface {
        let number: Int32
        let detachedKernelDriver: Bool
    }

    private struct OpenDevice: @unchecked Sendable {
        let handle: OpaquePointer
        let info: USBDeviceInfo
        let endpoints: USBEndpoints
        /// The interface of the bulk endpoints first, then the setup's further interfaces.
        let interfaces: [ClaimedInterface]
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
    public init(match: USBDeviceMatch, setup: (any USBDeviceSetup)? = nil, setupTimeoutMilliseconds: Int = 1000) {
        self.match = match
        self.setup = setup
        self.setupTimeoutMilliseconds = setupTimeoutMilliseconds
    }

    deinit { close() }

    /// The device that is open, if any (for logs and health reports).
    public var openedDevice: USBDeviceInfo? {
        state.withLock { state in
            if case .open(let device) = state { return device.info }
            return nil
        }
    }

    /// `wMaxPacketSize` of the bulk IN endpoint of the open device (USB-serial chips that frame
    /// every packet, such as FTDI's, need it), nil when closed or without one.
    public var bulkInMaxPacketSize: Int? {
        state.withLock { state in
            if case .open(let device) = state, device.endpoints.bulkIn != nil { return device.endpoints.bulkInMaxPacket }
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
                libusb_bulk_transfer(
                    device.handle, device.endpoints.bulkOut,
                    buf.baseAddress! + offset, Int32(buf.count - offset),
                    &transferred, UInt32(remaining))
            }
            offset += Int(transferred)
            if rc == 0 || rc == LIBUSB_ERROR_TIMEOUT.rawValue { continue }
            throw failure(
                rc, device: device, endpoint: device.endpoints.bulkOut,
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
            libusb_bulk_transfer(
                device.handle, endpoint, buf.baseAddress, Int32(buf.count),
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
    private func failure(
        _ rc: Int32, device: OpenDevice, endpoint: UInt8,
        during operation: String
    ) -> TransportError {
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
        var claimed: [ClaimedInterface] = []
        do throws(TransportError) {
            claimed.append(try claim(found.endpoints.interfaceNumber, on: handle, of: found.info))
            var extra: [UInt8: Int32] = [:]
            for interfaceClass in setup?.additionalInterfaceClasses ?? [] {
                guard let number = USBDeviceScan.interfaceNumber(of: found.device, class: interfaceClass) else {
                    throw .notFound("\(found.info) has no interface of class \(interfaceClass)")
                }
                if number != found.endpoints.interfaceNumber {
                    claimed.append(try claim(number, on: handle, of: found.info))
                }
                extra[interfaceClass] = number
            }
            if let setup {
                try setup.configure(
                    USBControlChannel(
                        handle: handle, device: found.info, claimedInterfaces: extra,
                        timeoutMilliseconds: setupTimeoutMilliseconds))
            }
        } catch {
            release(OpenDevice(handle: handle, info: found.info, endpoints: found.endpoints, interfaces: claimed))
            throw error
        }
        return OpenDevice(handle: handle, info: found.info, endpoints: found.endpoints, interfaces: claimed)
    }

    /// Detaches a bound kernel driver from `interface` and claims it.
    private func claim(
        _ interface: Int32, on handle: OpaquePointer,
        of info: USBDeviceInfo
    ) throws(TransportError) -> ClaimedInterface {
        var detached = false
        if libusb_kernel_driver_active(handle, interface) == 1 {
            let detach = libusb_detach_kernel_driver(handle, interface)
            guard detach == 0 || detach == LIBUSB_ERROR_NOT_FOUND.rawValue else {
                throw USBError.transportError(detach, during: "detach kernel driver from \(info)", opening: true)
            }
            detached = detach == 0
        }
        let rc = libusb_claim_interface(handle, interface)
        guard rc == 0 else {
            if detached { _ = libusb_attach_kernel_driver(handle, interface) }
            throw USBError.transportError(rc, during: "claim interface \(interface) of \(info)", opening: true)
        }
        return ClaimedInterface(number: interface, detachedKernelDriver: detached)
    }

    private func release(_ device: OpenDevice) {
        for interface in device.interfaces.reversed() {
            _ = libusb_release_interface(device.handle, interface.number)
            if interface.detachedKernelDriver { _ = libusb_attach_kernel_driver(device.handle, interface.number) }
        }
        libusb_close(device.handle)
    }
}
