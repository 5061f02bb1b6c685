import HallTransport

/// The USB-serial adapter of the LED screens when halld drives it through libusb
/// (`hardware.displays.transport = usb`, or `auto` with no serial port but a known adapter on the
/// bus): which model it is (devices/usb-serial) and the ids it has.
struct DisplayUSBAdapter: Sendable {
    let adapter: USBSerialAdapter
    let vendorID: UInt16
    let productID: UInt16

    /// The configured adapter (`ch34x` or `1a86:7523`), else the first known adapter on the bus.
    /// With `requirePresent`, only an adapter plugged in now.
    static func choose(
        _ reference: String, catalog: USBSerialAdapterCatalog?,
        requirePresent: Bool
    ) -> DisplayUSBAdapter? {
        guard let catalog else { return nil }
        let present = catalog.present()
        guard !reference.isEmpty else {
            return present.first.map { DisplayUSBAdapter(adapter: $0.adapter, vendorID: $0.device.vendorID, productID: $0.device.productID) }
        }
        guard let adapter = catalog.adapter(named: reference), let ids = adapter.ids else { return nil }
        let wanted = USBSerialAdapter.parseID(reference).map { [$0] } ?? ids
        if let found = present.first(where: { p in wanted.contains { $0 == (p.device.vendorID, p.device.productID) } }) {
            return DisplayUSBAdapter(adapter: adapter, vendorID: found.device.vendorID, productID: found.device.productID)
        }
        guard !requirePresent, let first = wanted.first else { return nil }
        return DisplayUSBAdapter(adapter: adapter, vendorID: first.vendor, productID: first.product)
    }

    /// The serial connection through libusb with the screens' line settings.
    func connection(settings: SerialSettings) -> USBSerialConnection {
        USBSerialConnection(
            match: adapter.match(vendor: vendorID, product: productID), chip: adapter.chip.chip,
            settings: settings)
    }

    /// What the hotplug monitor watches for.
    var hotplugMatch: USBDeviceMatch { USBDeviceMatch(vendorID: vendorID, productID: productID, interfaceClass: nil) }
}
