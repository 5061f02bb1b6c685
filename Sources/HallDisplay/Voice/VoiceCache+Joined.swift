import Foundation

extension VoiceCache {
    /// Keeps a joined call's WAV under a name hashed from its bytes (`call-<16 hex digits>.wav`),
    /// so the same call with the same clips maps to the same file; written atomically.
    public func storeJoined(_ wav: [UInt8]) throws(VoiceError) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in wav {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let file = directory.appendingPathComponent("call-" + String(repeating: "0", count: 16 - hex.count) + hex + ".wav")
        if FileManager.default.fileExists(atPath: file.path) { return file }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(wav).write(to: file, options: .atomic)
        } catch {
            throw .cacheUnavailable("\(file.path): \(error.localizedDescription)")
        }
        return file
    }
}
