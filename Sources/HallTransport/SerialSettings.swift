/// Line settings of a serial port (UART behind a USB-serial bridge, or an RS-485 transceiver).
/// Taken from a device profile; applied by `TTYConnection` through termios.
public struct SerialSettings: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Parity bit of each character.
    public enum Parity: String, Codable, Sendable, CaseIterable {
        case none, even, odd
    }

    /// Bits per second, e.g. 9600. Must be one of `TTYConnection.supportedBaudRates`.
    public var baudRate: Int
    /// Data bits per character: 5, 6, 7 or 8.
    public var dataBits: Int
    public var parity: Parity
    /// Stop bits: 1 or 2.
    public var stopBits: Int

    public init(baudRate: Int = 9600, dataBits: Int = 8, parity: Parity = .none, stopBits: Int = 1) {
        self.baudRate = baudRate
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
    }

    /// The usual notation, e.g. `9600 8N1`.
    public var description: String {
        let p: String =
            switch parity {
            case .none: "N"
            case .even: "E"
            case .odd: "O"
            }
        return "\(baudRate) \(dataBits)\(p)\(stopBits)"
    }

    /// The time one character takes on the line, in microseconds (start + data + parity + stop bits).
    public var characterMicroseconds: Double {
        let bits = 1 + dataBits + (parity == .none ? 0 : 1) + stopBits
        return Double(bits) * 1_000_000 / Double(max(baudRate, 1))
    }
}
