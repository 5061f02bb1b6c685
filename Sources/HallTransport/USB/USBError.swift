import CLibUSB

/// Maps libusb error codes to `TransportError`.
enum USBError {
    /// The symbolic name of a libusb error code, e.g. `LIBUSB_ERROR_NO_DEVICE`.
    static func name(_ code: Int32) -> String {
        String(cString: libusb_error_name(code))
    }

    /// `opening` distinguishes "never there" (notFound) from "went away" (disconnected).
    static func transportError(_ code: Int32, during operation: String, opening: Bool = false) -> TransportError {
        let text = "\(operation): \(name(code))"
        switch libusb_error(rawValue: code) {
        case LIBUSB_ERROR_NO_DEVICE: return opening ? .notFound(text) : .disconnected(text)
        case LIBUSB_ERROR_NOT_FOUND: return .notFound(text)
        case LIBUSB_ERROR_ACCESS: return .accessDenied(text)
        case LIBUSB_ERROR_BUSY: return .busy(text)
        case LIBUSB_ERROR_TIMEOUT: return .timeout(text)
        default: return .io(text)
        }
    }
}
