/// What a printer reported about itself, merged from DLE EOT replies or an ASB block.
///
/// Fields stay `nil` until a reply covering them has been parsed, so a partial query
/// (only DLE EOT 4, say) does not claim anything about the cover.
public struct PrinterStatus: Sendable, Hashable, Codable {
    /// DLE EOT 1 bit 3 / ASB byte 1 bit 3 clear.
    public var online: Bool?
    /// DLE EOT 2 bit 2 / ASB byte 1 bit 5.
    public var coverOpen: Bool?
    /// DLE EOT 2 bit 3 / ASB byte 1 bit 6: paper is being fed with the FEED button.
    public var feedButtonPressed: Bool?
    /// DLE EOT 2 bit 5: printing stopped because of a paper end.
    public var paperEndStop: Bool?
    /// DLE EOT 2 bit 6: an error occurred (details in DLE EOT 3).
    public var errorOccurred: Bool?
    /// DLE EOT 3 bit 3 / ASB byte 2 bit 3.
    public var cutterError: Bool?
    /// DLE EOT 3 bit 5 / ASB byte 2 bit 5.
    public var unrecoverableError: Bool?
    /// DLE EOT 3 bit 6 / ASB byte 2 bit 6 (head overheating, cover opened while printing).
    public var autoRecoverableError: Bool?
    /// DLE EOT 4 bits 2-3 / ASB byte 3 bits 0-1.
    public var paperNearEnd: Bool?
    /// DLE EOT 4 bits 5-6 / ASB byte 3 bits 2-3.
    public var paperOut: Bool?

    /// An empty status (nothing known yet).
    public init() {}

    /// Whether `byte` has the fixed bits of a DLE EOT reply (0xx1xx10).
    public static func isRealTimeReply(_ byte: UInt8) -> Bool { byte & 0x93 == 0x12 }

    /// Whether `byte` has the fixed bits of the first byte of an ASB block (0xx1xx00).
    public static func isAutomaticStatusHeader(_ byte: UInt8) -> Bool { byte & 0x93 == 0x10 }

    /// Merges the reply byte of DLE EOT `request`. Throws when the fixed bits do not match.
    public mutating func apply(_ byte: UInt8, for request: StatusRequest) throws(StatusParseError) {
        guard Self.isRealTimeReply(byte) else { throw .notAStatusByte(byte) }
        let bit = { (n: UInt8) in byte & (1 << n) != 0 }
        switch request {
        case .printer:
            online = !bit(3)
        case .offlineCause:
            coverOpen = bit(2)
            feedButtonPressed = bit(3)
            paperEndStop = bit(5)
            errorOccurred = bit(6)
        case .errorCause:
            cutterError = bit(3)
            unrecoverableError = bit(5)
            autoRecoverableError = bit(6)
        case .paperSensor:
            paperNearEnd = byte & 0x0C != 0
            paperOut = byte & 0x60 != 0
        }
    }

    /// Parses a 4-byte automatic status back block (GS a).
    public init(automaticStatusBack block: [UInt8]) throws(StatusParseError) {
        guard block.count == 4 else { throw .wrongLength(block.count) }
        guard Self.isAutomaticStatusHeader(block[0]) else { throw .notAStatusByte(block[0]) }
        let b1 = block[0], b2 = block[1], b3 = block[2]
        online = b1 & 0x08 == 0
        coverOpen = b1 & 0x20 != 0
        feedButtonPressed = b1 & 0x40 != 0
        cutterError = b2 & 0x08 != 0
        unrecoverableError = b2 & 0x20 != 0
        autoRecoverableError = b2 & 0x40 != 0
        errorOccurred = b2 & 0x6C != 0
        paperNearEnd = b3 & 0x03 != 0
        paperOut = b3 & 0x0C != 0
        paperEndStop = paperOut
    }

    /// The single condition the console shows for this status.
    public var condition: PrinterCondition {
        if coverOpen == true { return .coverOpen }
        if paperOut == true || paperEndStop == true { return .paperOut }
        if cutterError == true || unrecoverableError == true { return .cutterError }
        if online == false || autoRecoverableError == true { return .offline }
        if paperNearEnd == true { return .paperNearEnd }
        return .ready
    }
}

/// A status reply that could not be read.
public enum StatusParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte lacks the fixed bits of the expected reply.
    case notAStatusByte(UInt8)
    /// An ASB block must be 4 bytes.
    case wrongLength(Int)

    public var description: String {
        switch self {
        case .notAStatusByte(let b): "打印机状态字节无效：0x\(String(b, radix: 16))"
        case .wrongLength(let n): "自动状态回传长度应为 4 字节，实际 \(n) 字节"
        }
    }
}
