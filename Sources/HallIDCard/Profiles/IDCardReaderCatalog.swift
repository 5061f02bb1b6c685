import Foundation

/// The reader models found in a directory (`devices/idcard-readers`).
public struct IDCardReaderCatalog: Sendable {
    public let models: [IDCardReaderModel]

    public init(models: [IDCardReaderModel]) { self.models = models }

    /// Reads every `*.json` of `directory`, sorted by file name; each must decode, name the SAM
    /// protocol, have well-formed USB ids and a unique id.
    public static func load(directory: URL) throws(IDCardReaderCatalogError) -> IDCardReaderCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw .unreadable("\(directory.path): \(error.localizedDescription)")
        }
        var models: [IDCardReaderModel] = []
        for name in names {
            let model: IDCardReaderModel
            do {
                model = try JSONDecoder().decode(IDCardReaderModel.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
            } catch {
                throw .unreadable("\(name): \(error)")
            }
            guard model.protocol == IDCardReaderModel.samProtocol else { throw .unreadable("\(name): unknown protocol \(model.protocol)") }
            guard model.usbIDs != nil else { throw .unreadable("\(name): malformed usb ids \(model.usb)") }
            guard !models.contains(where: { $0.id == model.id }) else { throw .unreadable("\(name): duplicate id \(model.id)") }
            models.append(model)
        }
        return IDCardReaderCatalog(models: models)
    }

    /// The model with `id`, if any.
    public func model(id: String) -> IDCardReaderModel? { models.first { $0.id == id } }

    /// The model whose USB-serial chip has these ids.
    public func model(vendor: UInt16, product: UInt16) -> IDCardReaderModel? {
        models.first { $0.usbIDs?.contains { $0.vendorID == vendor && $0.productID == product } == true }
    }
}

/// Why the reader models could not be loaded.
public enum IDCardReaderCatalogError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let s): "ID card reader models: \(s)"
        }
    }
}
