/// CRC-16/MODBUS: polynomial 0x8005 reflected (0xA001), initial value 0xFFFF, no final XOR.
/// Check value: "123456789" → 0x4B37. Sent low byte first.
public enum CRC16Modbus {
    public static func checksum<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte)
            for _ in 0..<8 {
                crc = crc & 1 != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1
            }
        }
        return crc
    }

    /// The two checksum bytes as they go on the wire: low, high.
    public static func wireBytes<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        let crc = checksum(bytes)
        return [UInt8(crc & 0xFF), UInt8(crc >> 8)]
    }
}
