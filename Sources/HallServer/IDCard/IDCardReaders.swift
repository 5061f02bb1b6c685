import Foundation
import HallCore
import HallIDCard
import HallTransport
import Logging

/// The hall's ID card readers as configured (`hardware.idCardReaders`), each on its transport: a
/// tty, a USB-serial chip through libusb, or the emulator standing in. Reads run on each reader's
/// own queue, so a read that waits for a card never holds up the server's threads.
final class IDCardReaders: Sendable {
    /// One reader and where it is used.
    struct Station: Sendable {
        let reader: IDCardReader
        let kiosk: Bool
        /// The kiosk device it is built into (empty: any kiosk).
        let kioskDevice: String
        let windows: [Int]
        /// The USB device to watch for unplug, when the reader is driven through libusb.
        let hotplug: USBDeviceMatch?
        let queue: DispatchQueue
    }

    let stations: [Station]

    init(
        _ configured: [HardwareConfiguration.IDCardReaderStation], devicesDirectory: URL, standIns: (any DeviceStandIns)?,
        logger: Logger
    ) throws {
        let folder = devicesDirectory.appendingPathComponent("idcard-readers")
        let catalog = (try? IDCardReaderCatalog.load(directory: folder)) ?? IDCardReaderCatalog(models: [])
        let adapters = try? USBSerialAdapterCatalog.load(directory: devicesDirectory.appendingPathComponent("usb-serial"))
        var claimed: Set<USBDeviceID> = []
        var built: [Station] = []
        for (index, station) in configured.enumerated() where station.transport != .none {
            let setup = IDCardReaderSetup(
                station: station, catalog: catalog, adapters: adapters, standIns: standIns, claimed: claimed, logger: logger)
            guard let made = try setup.connection() else { continue }
            if let id = made.usb { claimed.insert(id) }
            let reader = IDCardReader(connection: made.connection, model: made.model, place: station.place)
            built.append(
                Station(
                    reader: reader, kiosk: station.kiosk, kioskDevice: station.kioskDevice, windows: station.windows,
                    hotplug: made.usb.map { USBDeviceMatch(vendorID: $0.vendorID, productID: $0.productID, interfaceClass: nil) },
                    queue: DispatchQueue(label: "hall.idcard-reader-\(index)")))
        }
        stations = built
    }

    /// The reader of the kiosk device `device` (its own, else the first kiosk reader not built
    /// into another kiosk).
    func kiosk(_ device: String?) -> Station? {
        stations.first { $0.kiosk && !$0.kioskDevice.isEmpty && $0.kioskDevice == device }
            ?? stations.first { $0.kiosk && $0.kioskDevice.isEmpty }
    }

    /// The reader of window `window`.
    func station(window: Int) -> Station? { stations.first { $0.windows.contains(window) } }

    /// Reads the card on `station`'s reader, waiting up to `waitMilliseconds` for one.
    func read(_ station: Station, waitMilliseconds: Int) async throws(IDCardReaderError) -> IDCardHolder {
        let result: Result<IDCardHolder, IDCardReaderError> = await withCheckedContinuation { continuation in
            station.queue.async {
                do throws(IDCardReaderError) {
                    continuation.resume(returning: .success(try station.reader.read(waitingUpTo: waitMilliseconds)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Asks every reader's SAM module for its status (no card needed), so health stays current.
    func checkAll() async {
        for station in stations {
            await withCheckedContinuation { continuation in
                station.queue.async {
                    try? station.reader.checkModule()
                    continuation.resume()
                }
            }
        }
    }

    /// Status of every reader.
    func statuses() -> [IDCardReaderStatus] { stations.map { $0.reader.currentStatus() } }

    /// One health line per reader.
    func health() -> [DeviceHealth] {
        statuses().map { s in
            DeviceHealth(
                name: "idcard-reader-\(s.place)", ok: s.connected || s.lastError == nil,
                condition: s.lastError.map { "读卡器异常：\($0)" } ?? "\(s.address) (\(s.model))")
        }
    }
}
