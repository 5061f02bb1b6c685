import Foundation
import HallScanner

/// `halld scan-helper REQUEST`: one SANE device listing or capture in this short-lived process, run
/// by halld itself (`SaneHelper`), so that a backend that hangs or crashes costs this process only.
/// The report goes to standard output; nothing of the daemon starts. Not a documented command.
enum ScanHelperEntry {
    /// Runs the helper and exits when `arguments` ask for it; returns otherwise.
    static func runIfRequested(_ arguments: [String]) async {
        guard arguments.count == 3, arguments[1] == SaneHelper.subcommand else { return }
        exit(await SaneHelperChild.run(arguments[2]))
    }
}
