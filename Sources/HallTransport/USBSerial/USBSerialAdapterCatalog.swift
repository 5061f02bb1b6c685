import Foundation

/// The USB-serial adapters known from a directory (`devices/usb-serial`).
public struct USBSerialAdapterCatalog: Sendable {
    public let adapters: [USBSerialAdapter]

    public init(adapters: [USBSerialAdapter]) { self.adapters = adapters }

    /// Reads every `*.json` of `directory`, sorted by file name; each must decode, have
    /// well-formed ids and a unique id.
    public static func load(directory: URL) throws(TransportError) -> USBSerialAdapterCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw .notFound("\(directory.path): \(error.localizedDescription)")
        }
        var adapters: [USBSerialAdapter] = []
        for name in names {
            let adapter: USBSerialAdapter
            do {
                adapter = try JSONDecoder().decode(
                    USBSerialAdapter.self,
                    from: Data(contentsOf: directory.appendingPathComponent(name)))
            } catch {
                throw .io("\(name): \(error)")
            }
            guard let ids = adapter.ids, !ids.isEmpty else { throw .io("\(name): malformed usb ids \(adapter.usb)") }
            guard !adapters.contains(where: { $0.id == adapter.id }) else { throw .io("\(name): duplicate id \(adapter.id)") }
            adapters.append(adapter)
        }
        return USBSerialAdapterCatalog(adapters: adapters)
    }

    /// The adapter with `id`, or the one listing the ids `vvvv:pppp`.
    public func adapter(named reference: String) -> USBSerialAdapter? {
        if let byID = adapters.first(where: { $0.id == reference }) { return byID }
        guard let pair = USBSerialAdapter.parseID(reference) else { return nil }
        return adapter(vendor: pair.vendor, product: pair.product)
    }

    /// The adapter a device with these ids is.
    public func adapter(vendor: UInt16, product: UInt16) -> USBSerialAdapter? {
        adapters.first { $0.matches(vendor: vendor, product: product) }
    }

    /// Known adapters on the bus now, in bus order, with the device found.
    public func present() -> [(adapter: USBSerialAdapter, device: USBDeviceInfo)] {
        let devices = (try? USBDevices.list(matching: nil)) ?? []
        return devices.compactMap { device in
            adapter(vendor: device.vendorID, product: device.productID).map { ($0, device) }
        }
    }
}
