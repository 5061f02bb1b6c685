import Foundation
import HallTransport

/// The probe's commands.
enum ProbeCommands {
    /// Runs the steps in order in one `ProbeSession`. Every step prints a line; a failed step
    /// does not stop the later ones. Exit status 1 when any step failed.
    static func run(_ options: ProbeOptions) -> Int32 {
        let session = ProbeSession(options: options)
        let failures = options.operations.filter { !session.perform($0) }.count
        session.finish()
        return failures == 0 ? 0 : 1
    }

    /// Prints every device on the bus that satisfies the match.
    static func list(_ options: ProbeOptions) -> Int32 {
        do throws(TransportError) {
            let devices = try USBDevices.list(matching: options.match)
            ProbeOutput.emit(["op": "list", "ok": true, "devices": devices.map(ProbeOutput.device)])
            return 0
        } catch {
            ProbeOutput.failure("list", error)
            return 1
        }
    }
}
