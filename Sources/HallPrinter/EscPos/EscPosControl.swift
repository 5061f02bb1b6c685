/// Control bytes that start ESC/POS commands.
public enum EscPosControl {
    /// Line feed: print the buffer and advance one line.
    public static let lf: UInt8 = 0x0A
    /// Data link escape: prefix of real-time commands (DLE EOT).
    public static let dle: UInt8 = 0x10
    /// End of transmission: second byte of DLE EOT.
    public static let eot: UInt8 = 0x04
    /// Escape: prefix of most formatting commands.
    public static let esc: UInt8 = 0x1B
    /// File separator: prefix of the Kanji/Chinese commands (FS & / FS .).
    public static let fs: UInt8 = 0x1C
    /// Group separator: prefix of sizes, cuts, symbols, raster images, ASB.
    public static let gs: UInt8 = 0x1D
}
