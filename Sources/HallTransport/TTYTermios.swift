#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Applies `SerialSettings` to a termios structure: raw mode, speed, character size, parity, stop bits.
enum TTYTermios {
    /// The speeds termios knows, as `speed_t` constants.
    static let speeds: [Int: speed_t] = [
        1200: speed_t(B1200), 2400: speed_t(B2400), 4800: speed_t(B4800), 9600: speed_t(B9600),
        19200: speed_t(B19200), 38400: speed_t(B38400), 57600: speed_t(B57600),
        115200: speed_t(B115200), 230400: speed_t(B230400), 460800: speed_t(B460800),
        921600: speed_t(B921600),
    ]

    /// Rewrites `t` for `settings`; throws `io` for settings termios cannot express.
    static func apply(_ settings: SerialSettings, to t: inout termios, path: String) throws(TransportError) {
        guard let speed = speeds[settings.baudRate] else {
            throw .io("\(path): unsupported baud rate \(settings.baudRate)")
        }
        let size: tcflag_t
        switch settings.dataBits {
        case 5: size = tcflag_t(CS5)
        case 6: size = tcflag_t(CS6)
        case 7: size = tcflag_t(CS7)
        case 8: size = tcflag_t(CS8)
        default: throw .io("\(path): unsupported data bits \(settings.dataBits)")
        }
        guard settings.stopBits == 1 || settings.stopBits == 2 else {
            throw .io("\(path): unsupported stop bits \(settings.stopBits)")
        }
        cfmakeraw(&t)
        t.c_cflag &= ~tcflag_t(CSIZE | PARENB | PARODD | CSTOPB)
        t.c_cflag |= size | tcflag_t(CLOCAL | CREAD)
        switch settings.parity {
        case .none: break
        case .even: t.c_cflag |= tcflag_t(PARENB)
        case .odd: t.c_cflag |= tcflag_t(PARENB | PARODD)
        }
        if settings.stopBits == 2 { t.c_cflag |= tcflag_t(CSTOPB) }
        // No hardware or software flow control: RS-485 converters do not wire it.
        t.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        // Non-blocking reads: poll() does the waiting.
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        cfsetispeed(&t, speed)
        cfsetospeed(&t, speed)
    }

    /// Reads back the settings a termios structure holds (for checks and logs).
    static func settings(of t: termios) -> SerialSettings {
        let speed = cfgetospeed(withUnsafePointer(to: t) { $0 })
        let baud = speeds.first { $0.value == speed }?.key ?? 0
        let bits: Int =
            switch t.c_cflag & tcflag_t(CSIZE) {
            case tcflag_t(CS5): 5
            case tcflag_t(CS6): 6
            case tcflag_t(CS7): 7
            default: 8
            }
        let parity: SerialSettings.Parity =
            t.c_cflag & tcflag_t(PARENB) == 0 ? .none : (t.c_cflag & tcflag_t(PARODD) == 0 ? .even : .odd)
        let stop = t.c_cflag & tcflag_t(CSTOPB) == 0 ? 1 : 2
        return SerialSettings(baudRate: baud, dataBits: bits, parity: parity, stopBits: stop)
    }
}
