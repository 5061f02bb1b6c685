/// Silicon Labs CP210x single-port USB-serial bridges (CP2102/CP2104, 10c4:ea60), as Linux's
/// `cp210x` driver sets them up: vendor requests to the interface (bmRequestType 0x41, index 0):
/// IFC_ENABLE (0x00, 1) — the UART passes no data before it —, SET_BAUDRATE (0x1E, the rate as
/// four little-endian bytes), SET_LINE_CTL (0x03: stop bits in bits 0–3, parity in 4–7, data bits
/// in 8–15) and SET_MHS (0x07: DTR and RTS on, each with its mask bit).
public struct CP210xChip: USBSerialChip {
    /// Vendor request to the interface, host to device.
    static let interfaceOut: UInt8 = 0x41
    static let enableInterface: UInt8 = 0x00
    static let setLineControl: UInt8 = 0x03
    static let setModemHandshake: UInt8 = 0x07
    static let setBaudRate: UInt8 = 0x1E
    static let uartEnable: UInt16 = 0x0001
    /// DTR and RTS high (bits 0, 1) with their mask bits (8, 9).
    static let dtrAndRTSHigh: UInt16 = 0x0303
    /// Supported speeds (CP2102: 300 baud to 1 Mbaud).
    public static let baudRange = 300...1_000_000

    public init() {}

    public var kind: USBSerialChipKind { .cp210x }

    public func validate(_ settings: SerialSettings) throws(TransportError) {
        try validateCommon(settings, baudRange: Self.baudRange)
    }

    public func configure(_ channel: USBControlChannel, settings: SerialSettings) throws(TransportError) {
        try validate(settings)
        try channel.send(requestType: Self.interfaceOut, request: Self.enableInterface, value: Self.uartEnable, index: 0)
        let rate = UInt32(clamping: settings.baudRate)
        try channel.send(
            requestType: Self.interfaceOut, request: Self.setBaudRate, value: 0, index: 0,
            data: [UInt8(rate & 0xFF), UInt8((rate >> 8) & 0xFF), UInt8((rate >> 16) & 0xFF), UInt8(rate >> 24)])
        try channel.send(requestType: Self.interfaceOut, request: Self.setLineControl, value: Self.lineControl(settings), index: 0)
        try channel.send(requestType: Self.interfaceOut, request: Self.setModemHandshake, value: Self.dtrAndRTSHigh, index: 0)
    }

    /// wValue of SET_LINE_CTL: bits 0–3 stop bits (0 = 1, 2 = 2), 4–7 parity (0 none, 1 odd,
    /// 2 even), 8–15 data bits.
    public static func lineControl(_ settings: SerialSettings) -> UInt16 {
        let parity: UInt16 =
            switch settings.parity {
            case .none: 0
            case .odd: 1
            case .even: 2
            }
        return UInt16(settings.dataBits) << 8 | parity << 4 | (settings.stopBits == 2 ? 2 : 0)
    }
}
