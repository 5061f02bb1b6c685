import ArgumentParser
import Foundation
import HallCore
import HallIDCard
import HallTransport

/// A reader plugged into this computer (a home visit's identity check on the staff's laptop):
/// its serial port, or its USB-serial chip driven through libusb.
struct LocalCardReader: ParsableArguments {
    @Option(help: "A local reader's serial port, e.g. /dev/ttyUSB0.") var device: String?
    @Option(help: "A local reader's USB-serial chip without a kernel driver, vvvv:pppp (libusb).") var usb: String?
    @Option(help: "The chip family for --usb: \(USBSerialChipKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var chip: USBSerialChipKind = .ch34x
    @Option(help: "Line speed of a local reader.") var baud = 115_200

    /// Whether a local reader was named.
    var isGiven: Bool { device != nil || usb != nil }

    /// Reads the card, waiting up to `wait` seconds; a reader's failure is printed in Chinese and
    /// exits with status 2.
    func read(wait: Double) throws -> IDCardHolder {
        let connection = try self.connection()
        defer { connection.close() }
        let reader = IDCardReader(connection: connection, model: IDCardReaderModel(id: "local", name: "local"), place: "local")
        do throws(IDCardReaderError) {
            return try reader.read(waitingUpTo: Int(max(0, min(wait, 120)) * 1000))
        } catch {
            FileHandle.standardError.write(Data("\(error.message)（\(error.code)）\n".utf8))
            throw ExitCode(2)
        }
    }

    private func connection() throws -> any DeviceConnection {
        let settings = SerialSettings(baudRate: baud)
        if let device { return TTYConnection(path: device, settings: settings, drainAfterWrite: false) }
        if let usb {
            guard let id = USBDeviceID(usb) else { throw ValidationError("--usb wants vvvv:pppp, e.g. 1a86:7523") }
            let match = USBDeviceMatch(vendorID: id.vendorID, productID: id.productID, interfaceClass: chip.chip.dataInterfaceClass)
            return USBSerialConnection(match: match, chip: chip.chip, settings: settings)
        }
        throw ValidationError("give --device or --usb (a reader on this computer)")
    }
}

extension USBSerialChipKind: ExpressibleByArgument {}
