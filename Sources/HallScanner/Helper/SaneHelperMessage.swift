import Foundation

/// One message of a scan helper's report on its standard output.
///
/// On the wire a message is one line of JSON (`SaneHelperMessage.Header`), then `payloadBytes`
/// raw bytes: a page's pixels or encoded file. A report is any number of `devices` or `page`
/// messages, then `done`; or a `failure`. Nothing else is written to standard output.
enum SaneHelperMessage: Equatable {
    /// The devices libsane lists (a `list` request).
    case devices([SaneDeviceInfo])
    /// One complete page (a `capture` request); sent as soon as the page is read.
    case page(ScannedPage)
    /// The job failed with a device fault.
    case failure(ScannerError)
    /// Every result was sent.
    case done

    /// The header line of a message.
    struct Header: Codable, Equatable {
        enum Kind: String, Codable { case devices, page, failure, done }

        /// Size and layout of a page; its bytes follow the header.
        struct Page: Codable, Equatable {
            var width: Int
            var height: Int
            var format: PixelFormat
            var resolution: Int?
        }

        /// A `ScannerError` by code.
        struct Failure: Codable, Equatable {
            var code: String
            var detail: String?
        }

        var kind: Kind
        var payloadBytes = 0
        var devices: [SaneDeviceInfo]? = nil
        var page: Page? = nil
        var failure: Failure? = nil
    }

    /// The message as it goes on the wire.
    func encoded() -> Data {
        var payload = Data()
        var header: Header
        switch self {
        case .devices(let devices):
            header = Header(kind: .devices, devices: devices)
        case .page(let page):
            header = Header(
                kind: .page, page: .init(width: page.width, height: page.height, format: page.format, resolution: page.resolution))
            payload = page.bytes
        case .failure(let error):
            header = Header(kind: .failure, failure: .init(code: error.code, detail: error.detail))
        case .done:
            header = Header(kind: .done)
        }
        header.payloadBytes = payload.count
        // Encoding strings, numbers and enums cannot fail; JSON never holds a raw newline.
        var line = (try? JSONEncoder().encode(header)) ?? Data()
        line.append(0x0A)
        return line + payload
    }

    /// The message a header and its payload stand for.
    static func make(_ header: Header, payload: Data) throws(ScannerError) -> SaneHelperMessage {
        switch header.kind {
        case .devices:
            guard let devices = header.devices else { throw .io("scan helper: devices message without devices") }
            return .devices(devices)
        case .page:
            guard let page = header.page, page.width > 0, page.height > 0 else { throw .io("scan helper: page without a size") }
            return .page(
                ScannedPage(width: page.width, height: page.height, format: page.format, bytes: payload, resolution: page.resolution))
        case .failure:
            guard let failure = header.failure, let error = ScannerError(code: failure.code, detail: failure.detail) else {
                throw .io("scan helper: unknown failure")
            }
            return .failure(error)
        case .done:
            return .done
        }
    }
}
