import CPangoCairo
import Foundation

/// SHA-256 through GLib's `g_compute_checksum_for_data` (GLib is linked through pangocairo).
public enum ContentHash {
    /// Lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { bytes in
            guard
                let hex = g_compute_checksum_for_data(
                    G_CHECKSUM_SHA256,
                    bytes.bindMemory(to: UInt8.self).baseAddress,
                    gsize(bytes.count))
            else { return "" }
            defer { g_free(hex) }
            return String(cString: hex)
        }
    }
}
