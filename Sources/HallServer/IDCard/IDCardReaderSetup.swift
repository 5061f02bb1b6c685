import Foundation
import HallIDCard
import HallTransport
import Logging

/// Chooses one reader's transport and model: `auto` becomes the tty when its path exists, else the
/// emulator (when halld passed one). A reader's USB-serial chip (a CH340, a CP2102) has the same ids
/// as the LED screens' adapter and many other devices, so libusb is used only when asked (`usb`).
struct IDCardReaderSetup {
    let station: HardwareConfiguration.IDCardReaderStation
    let catalog: IDCardReaderCatalog
    let adapters: USBSerialAdapterCatalog?
    let standIns: (any DeviceStandIns)?
    /// USB devices other readers already use.
    let claimed: Set<USBDeviceID>
    let logger: Logger

    struct Made {
        let connection: any DeviceConnection
        let model: IDCardReaderModel
        /// The chip's ids when driven through libusb.
        let usb: USBDeviceID?
    }

    /// The connection, or nil when there is no reader to drive.
    func connection() throws -> Made? {
        let named = station.model.isEmpty ? nil : catalog.model(id: station.model)
        if !station.model.isEmpty, named == nil {
            throw ConfigurationError.invalidValue(
                key: "hardware.idCardReaders", reason: "unknown reader model \(station.model) (see devices/idcard-readers)")
        }
        switch station.transport {
        case .none:
            return nil
        case .tty:
            return tty(named ?? .generic)
        case .usb:
            guard let found = usbReader(named) else {
                throw ConfigurationError.invalidValue(
                    key: "hardware.idCardReaders", reason: "no reader model with a libusb USB-serial adapter for \(station.place)")
            }
            return found
        case .emulator:
            return emulator()
        case .auto:
            if !station.path.isEmpty, FileManager.default.fileExists(atPath: station.path) { return tty(named ?? .generic) }
            return emulator()
        }
    }

    private func tty(_ model: IDCardReaderModel) -> Made {
        Made(connection: TTYConnection(path: station.path, settings: model.serial, drainAfterWrite: false), model: model, usb: nil)
    }

    /// A reader model with a libusb adapter (the one named, else the first), at the ids of its chip
    /// that are on the bus, else at its first ids (opened when it is plugged in).
    private func usbReader(_ named: IDCardReaderModel?) -> Made? {
        let present = Set(((try? USBDevices.list(matching: nil)) ?? []).map { USBDeviceID(vendorID: $0.vendorID, productID: $0.productID) })
        for model in named.map({ [$0] }) ?? catalog.models {
            guard let adapterID = model.usbSerialAdapter, let adapter = adapters?.adapter(named: adapterID) else { continue }
            let ids = (model.usbIDs ?? []).filter { !claimed.contains($0) }
            guard let id = ids.first(where: present.contains) ?? ids.first else { continue }
            let connection = USBSerialConnection(
                match: adapter.match(vendor: id.vendorID, product: id.productID), chip: adapter.chip.chip, settings: model.serial)
            return Made(connection: connection, model: model, usb: id)
        }
        return nil
    }

    private func emulator() -> Made? {
        guard let standIns else {
            logger.warning("no ID card reader found for \(station.place) and no emulator to stand in: cards are not read there")
            return nil
        }
        do {
            let path = try standIns.startIDCardReader(name: station.place)
            let model = IDCardReaderModel.generic
            return Made(connection: TTYConnection(path: path, settings: model.serial, drainAfterWrite: false), model: model, usb: nil)
        } catch {
            logger.warning("the emulated ID card reader for \(station.place) could not start: \(error)")
            return nil
        }
    }
}
