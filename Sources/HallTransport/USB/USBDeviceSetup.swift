/// Work a `USBConnection` does on a device right after opening and claiming it, before any
/// transfer, and again at every reopen (after an unplug): e.g. the line setup of a USB-serial
/// bridge (`USBSerialLineSetup`).
public protocol USBDeviceSetup: Sendable {
    /// Classes of further interfaces to claim besides the one carrying the bulk endpoints, e.g.
    /// `[2]` for the communications interface of a CDC-ACM device, which receives its class
    /// requests. A kernel driver bound to one is detached first.
    var additionalInterfaceClasses: [UInt8] { get }

    /// Sends the device its setup through control transfers.
    func configure(_ channel: USBControlChannel) throws(TransportError)
}
