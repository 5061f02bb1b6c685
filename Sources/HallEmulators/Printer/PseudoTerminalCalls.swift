import Foundation

/// glibc's pty functions (posix_openpt, grantpt, unlockpt, ptsname_r) are declared only
/// under _XOPEN_SOURCE, which Swift's Glibc module does not define; they are looked up
/// at run time instead.
enum PseudoTerminalCalls {
    private typealias IntToInt = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let pointer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(pointer, to: type)
    }

    /// Opens a new pty master, unlocks it and returns it with the slave's path.
    static func openMaster() throws(EmulatorError) -> (fd: Int32, slavePath: String) {
        guard let openpt = symbol("posix_openpt", as: IntToInt.self),
            let grant = symbol("grantpt", as: IntToInt.self),
            let unlock = symbol("unlockpt", as: IntToInt.self),
            let name = symbol("ptsname_r", as: NameFunction.self)
        else {
            throw .pty("glibc pty functions not found")
        }
        let m = openpt(O_RDWR | O_NOCTTY)
        guard m >= 0 else { throw .pty("posix_openpt: \(String(cString: strerror(errno)))") }
        var buffer = [CChar](repeating: 0, count: 128)
        guard grant(m) == 0, unlock(m) == 0, name(m, &buffer, buffer.count) == 0 else {
            let why = String(cString: strerror(errno))
            close(m)
            throw .pty("grantpt/unlockpt/ptsname_r: \(why)")
        }
        let path = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (m, String(decoding: path, as: UTF8.self))
    }
}
