import CLibUSB

/// The process's one libusb context.
///
/// libusb contexts are thread-safe: synchronous transfers from several threads and one
/// event-handling thread (the hotplug monitor) may use the same context at once.
/// The context lives for the whole process.
public final class USBContext: @unchecked Sendable {
    /// The raw `libusb_context *`; immutable after init.
    let raw: OpaquePointer

    private init(raw: OpaquePointer) { self.raw = raw }

    private static let sharedResult: Result<USBContext, TransportError> = {
        var ctx: OpaquePointer?
        let rc = libusb_init(&ctx)
        guard rc == 0, let ctx else {
            return .failure(USBError.transportError(rc, during: "libusb_init", opening: true))
        }
        return .success(USBContext(raw: ctx))
    }()

    /// The shared context, created on first use.
    public static func shared() throws(TransportError) -> USBContext {
        try sharedResult.get()
    }

    /// True when this libusb supports hotplug callbacks on this system.
    public var supportsHotplug: Bool {
        libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0
    }

    /// The library's version, e.g. `1.0.26`.
    public static var libraryVersion: String {
        guard let v = libusb_get_version()?.pointee else { return "unknown" }
        return "\(v.major).\(v.minor).\(v.micro)"
    }
}
