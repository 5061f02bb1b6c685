/// WCH CH340/CH341 USB-serial bridges (1a86:7523, 1a86:5523, …): vendor requests to the device.
///
/// Sequence, as Linux's `ch341` driver does it: read the chip version (0x5F, 2 bytes), serial
/// init (0xA1), write the prescaler/divisor register pair 0x12/0x13 (request 0x9A, value 0x1312),
/// write the line control register pair 0x18/0x25 (value 0x2518; chips of version 0x30 and later
/// only), set the modem lines (0xA4, active-low bits: DTR 0x20, RTS 0x40), no flow control
/// (register pair 0x27/0x27).
///
/// The line speed is `48 MHz / (2^(12 − 3·ps − fact) · div)` with prescaler `ps` 0…3, `fact`
/// 0…1 and divisor `div` 2…256 (9…256 when fact is 1); `divisorWord` picks the combination
/// closest to the requested rate.
public struct CH34xChip: USBSerialChip {
    static let readVersion: UInt8 = 0x5F
    static let writeRegister: UInt8 = 0x9A
    static let serialInit: UInt8 = 0xA1
    static let modemControl: UInt8 = 0xA4
    /// Register pairs written by one WRITE_REG request: (second << 8) | first.
    static let prescalerAndDivisor: UInt16 = 0x1312
    static let lineControlPair: UInt16 = 0x2518
    static let flowControlPair: UInt16 = 0x2727
    /// Line control bits.
    static let enableRX: UInt8 = 0x80, enableTX: UInt8 = 0x40
    static let parityEven: UInt8 = 0x10, parityEnable: UInt8 = 0x08, twoStopBits: UInt8 = 0x04
    /// Modem control bits (sent inverted).
    static let dtr: UInt16 = 0x20, rts: UInt16 = 0x40
    /// Chips after version 0x27 buffer input until a full packet arrives unless bit 7 of the
    /// divisor word is set.
    static let sendShortPackets: UInt16 = 0x80

    static let clock = 48_000_000
    /// Supported speeds (the ch341 driver's limits).
    public static let baudRange = 46...3_000_000

    public init() {}

    public var kind: USBSerialChipKind { .ch34x }

    public func validate(_ settings: SerialSettings) throws(TransportError) {
        try validateCommon(settings, baudRange: Self.baudRange)
    }

    public func configure(_ channel: USBControlChannel, settings: SerialSettings) throws(TransportError) {
        try validate(settings)
        let version =
            try channel.receive(
                requestType: USBControlChannel.vendorIn, request: Self.readVersion,
                value: 0, index: 0, length: 2
            ).first ?? 0
        try channel.vendor(Self.serialInit, value: 0, index: 0)
        var word = Self.divisorWord(baudRate: settings.baudRate)
        if version > 0x27 { word |= Self.sendShortPackets }
        try channel.vendor(Self.writeRegister, value: Self.prescalerAndDivisor, index: word)
        let lcr = Self.lineControl(settings)
        if version >= 0x30 {
            try channel.vendor(Self.writeRegister, value: Self.lineControlPair, index: UInt16(lcr))
        } else if lcr != Self.lineControl(SerialSettings(baudRate: settings.baudRate)) {
            throw .io("CH34x version \(hexByte(version)) keeps 8N1; \(settings) needs a chip of version 0x30 or later")
        }
        try channel.vendor(Self.modemControl, value: 0xFFFF ^ (Self.dtr | Self.rts), index: 0)
        try channel.vendor(Self.writeRegister, value: Self.flowControlPair, index: 0)
    }

    /// The line control register: receiver and transmitter on, character size, parity, stop bits.
    public static func lineControl(_ settings: SerialSettings) -> UInt8 {
        var lcr = enableRX | enableTX | UInt8(clamping: max(0, min(settings.dataBits, 8) - 5))
        switch settings.parity {
        case .none: break
        case .odd: lcr |= parityEnable
        case .even: lcr |= parityEnable | parityEven
        }
        if settings.stopBits == 2 { lcr |= twoStopBits }
        return lcr
    }

    /// The prescaler/divisor word `(256 − div) << 8 | fact << 2 | ps` for `baudRate` (without
    /// the short-packet bit). `baudRate` must lie in `baudRange`.
    public static func divisorWord(baudRate: Int) -> UInt16 {
        let speed = min(max(baudRate, baudRange.lowerBound), baudRange.upperBound)
        // The fastest base clock (fact = 1) whose divisor stays below 512.
        var ps = 3
        while ps > 0, speed <= clock / (clockDivider(ps: ps, fact: 1) * 512) { ps -= 1 }
        var fact = 1
        var divider = clockDivider(ps: ps, fact: 1)
        var div = clock / (divider * speed)
        if div < 9 || div > 255 {
            div /= 2
            divider *= 2
            fact = 0
        }
        // Round to the nearer divisor (in sixteenths, as integers).
        if 16 * clock / (divider * div) - 16 * speed >= 16 * speed - 16 * clock / (divider * (div + 1)) {
            div += 1
        }
        // An even divisor on the fast clock is the same rate on the slow one, which receives better.
        if fact == 1, div % 2 == 0 {
            div /= 2
            fact = 0
        }
        return UInt16((0x100 - div) << 8 | fact << 2 | ps)
    }

    /// The speed a divisor word produces (what the UART really runs at).
    public static func baudRate(ofDivisorWord word: UInt16) -> Double {
        let ps = Int(word & 0x03)
        let fact = Int((word >> 2) & 0x01)
        let div = 0x100 - Int(word >> 8)
        return Double(clock) / Double(clockDivider(ps: ps, fact: fact) * div)
    }

    private static func clockDivider(ps: Int, fact: Int) -> Int { 1 << (12 - 3 * ps - fact) }
}
