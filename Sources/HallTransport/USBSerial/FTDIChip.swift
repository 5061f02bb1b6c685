/// FTDI single-port USB-serial chips (FT232R 0403:6001, FT232BM, FT-X): SIO vendor requests to
/// port 0, as Linux's `ftdi_sio` does for them: reset (0), set data characteristics (4), set
/// baud divisor (3), no flow control (2), DTR and RTS on (1), latency timer (9).
///
/// The baud divisor is `3 MHz / rate` as a 14-bit integer plus a fraction in eighths, the
/// fraction coded in bits 14–16 (bit 16 goes into wIndex). Every bulk IN packet starts with two
/// modem/line status bytes, which `payload` removes; the chip sends such a status-only packet at
/// every latency-timer tick even when nothing was received.
public struct FTDIChip: USBSerialChip {
    static let reset: UInt8 = 0
    static let modemControl: UInt8 = 1
    static let setFlowControl: UInt8 = 2
    static let setBaudRate: UInt8 = 3
    static let setData: UInt8 = 4
    static let setLatencyTimer: UInt8 = 9
    /// DTR and RTS high, each with its enable bit.
    static let dtrAndRTSHigh: UInt16 = 0x0303
    /// Port index of a single-port chip.
    static let port: UInt16 = 0
    /// Milliseconds the chip waits before sending a partly filled packet (default 16): short, so a
    /// screen's 6-byte acknowledgement arrives quickly.
    public static let latencyMilliseconds: UInt16 = 2
    /// Status bytes at the start of every bulk IN packet.
    public static let statusBytes = 2
    /// Supported speeds: divisor 1 (3 Mbaud) to 0x3FFF.875 (183 baud).
    public static let baudRange = 184...3_000_000

    static let baseClock = 48_000_000
    /// Fraction code for eighths 0…7 (0, .125, .25, .375, .5, .625, .75, .875).
    static let fractionCode: [UInt32] = [0, 3, 2, 4, 1, 5, 6, 7]

    public init() {}

    public var kind: USBSerialChipKind { .ftdi }

    public func validate(_ settings: SerialSettings) throws(TransportError) {
        try validateCommon(settings, baudRange: Self.baudRange)
        guard settings.dataBits == 7 || settings.dataBits == 8 else {
            throw .io("ftdi: \(settings.dataBits) data bits are not supported (7 or 8)")
        }
    }

    public func configure(_ channel: USBControlChannel, settings: SerialSettings) throws(TransportError) {
        try validate(settings)
        let divisor = Self.divisor(baudRate: settings.baudRate)
        try channel.vendor(Self.reset, value: 0, index: Self.port)
        try channel.vendor(Self.setData, value: Self.dataCharacteristics(settings), index: Self.port)
        try channel.vendor(Self.setBaudRate, value: UInt16(divisor & 0xFFFF), index: UInt16(divisor >> 16) | Self.port)
        try channel.vendor(Self.setFlowControl, value: 0, index: Self.port)
        try channel.vendor(Self.modemControl, value: Self.dtrAndRTSHigh, index: Self.port)
        try channel.vendor(Self.setLatencyTimer, value: Self.latencyMilliseconds, index: Self.port)
    }

    public func payload(ofBulkIn transfer: [UInt8], maxPacketSize: Int) -> [UInt8] {
        let packet = max(maxPacketSize, Self.statusBytes + 1)
        var data: [UInt8] = []
        var start = 0
        while start < transfer.count {
            let end = min(start + packet, transfer.count)
            if end - start > Self.statusBytes { data += transfer[(start + Self.statusBytes)..<end] }
            start = end
        }
        return data
    }

    /// wValue of SET_DATA: bits 0–7 data bits, 8–10 parity (0 none, 1 odd, 2 even), 11–13 stop
    /// bits (0 = 1, 2 = 2).
    public static func dataCharacteristics(_ settings: SerialSettings) -> UInt16 {
        let parity: UInt16 =
            switch settings.parity {
            case .none: 0
            case .odd: 1
            case .even: 2
            }
        return UInt16(settings.dataBits) | parity << 8 | (settings.stopBits == 2 ? 2 : 0) << 11
    }

    /// The 17-bit encoded divisor for `baudRate` (FT232BM/FT232R coding): low 16 bits go into
    /// wValue, bit 16 into wIndex.
    public static func divisor(baudRate: Int) -> UInt32 {
        let speed = min(max(baudRate, baudRange.lowerBound), baudRange.upperBound)
        // The divisor in eighths, rounded to the nearest: 48 MHz / 2 / rate = 8 · (3 MHz / rate).
        let eighths = min((baseClock + speed) / (2 * speed), 0x1FFFF)
        var divisor = UInt32(eighths >> 3) | fractionCode[eighths & 7] << 14
        if divisor == 1 { divisor = 0 } else if divisor == 0x4001 { divisor = 1 }  // 3 and 2 Mbaud
        return divisor
    }

    /// The speed an encoded divisor produces.
    public static func baudRate(ofDivisor divisor: UInt32) -> Double {
        if divisor == 0 { return 3_000_000 }
        if divisor == 1 { return 2_000_000 }
        let eighthsOfCode: [UInt32: UInt32] = [0: 0, 3: 1, 2: 2, 4: 3, 1: 4, 5: 5, 6: 6, 7: 7]
        let whole = divisor & 0x3FFF
        let fraction = eighthsOfCode[(divisor >> 14) & 0x7] ?? 0
        return 3_000_000 / (Double(whole) + Double(fraction) / 8)
    }
}
