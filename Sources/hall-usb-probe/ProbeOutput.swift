import Foundation
import HallTransport

/// Writes one JSON object per line to stdout and flushes, so a parent process sees each
/// line as it happens.
enum ProbeOutput {
    static func emit(_ fields: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]),
            let line = String(data: data, encoding: .utf8)
        else { return }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The case name of a transport error, e.g. `disconnected`.
    static func kind(_ error: TransportError) -> String {
        switch error {
        case .notFound: "notFound"
        case .accessDenied: "accessDenied"
        case .busy: "busy"
        case .timeout: "timeout"
        case .disconnected: "disconnected"
        case .io: "io"
        }
    }

    static func failure(_ op: String, _ error: TransportError) {
        emit(["op": op, "ok": false, "error": kind(error), "message": error.description])
    }

    static func device(_ info: USBDeviceInfo) -> [String: Any] {
        [
            "device": info.description,
            "vendor": String(format: "%04x", info.vendorID),
            "product": String(format: "%04x", info.productID),
            "classes": info.interfaceClasses.map(Int.init),
        ]
    }
}
