import Foundation
import HallScanner
import Logging

/// How the scanners of a SANE hall (`sane` or `emulator` transport) reach libsane: through helper
/// processes (`SaneHelper`, halld's own binary), one per capture and per device listing, with the
/// configured SANE folder and extra backend folder; or, for a program given no helper, libsane in
/// this process.
struct SaneAccess: Sendable {
    /// The device listing shared by every station.
    let devices: any SaneDeviceSource
    /// The driver of one capture; nil: the in-process default (`SaneScanner`).
    let makeScanner: ScannerService.ScannerFactory?

    init(
        settings: HardwareConfiguration.Scanners, transport: HardwareConfiguration.ScannerTransport, devices folder: URL,
        helper: SaneHelper?, logger: Logger
    ) {
        let configured = settings.saneConfigDirectory.isEmpty ? nil : settings.saneConfigDirectory
        let directory = (configured ?? (transport == .emulator ? folder.appendingPathComponent("sane.d").path : nil))
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        guard let helper else {
            logger.warning("no scan helper (halld's binary) found: libsane runs inside this process")
            if !settings.saneBackendDirectory.isEmpty {
                logger.warning("hardware.scanners.saneBackendDirectory is used by scan helpers only; ignored")
            }
            if !SaneRuntime.shared.useConfigDirectory(directory) {
                logger.warning("libsane already runs with another configuration directory; \(directory ?? "default") is not used")
            }
            devices = SaneRuntime.shared
            makeScanner = nil
            return
        }
        let isolated = helper.addingLibraryDirectory(settings.saneBackendDirectory)
        devices = IsolatedSaneDeviceList(helper: isolated, configDirectory: directory)
        makeScanner = { profile, device in
            IsolatedSaneScanner(helper: isolated, device: device, configDirectory: directory, timeout: profile.captureTimeout)
        }
    }
}
