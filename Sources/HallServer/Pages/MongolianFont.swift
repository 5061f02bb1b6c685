import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The Mongolian font the resident pages of a bilingual hall use (`/assets/fonts/mongolian.ttf`):
/// Noto Sans Mongolian from Debian's fonts-noto-core, served by halld itself so that screens
/// show it without the internet and without the font installed on the kiosk or the TV.
enum MongolianFont {
    /// Where Debian's fonts-noto-core installs the font.
    static let path = "/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf"

    /// The font file, read once on first use; nil when the package is not installed.
    static let data: Data? = FileManager.default.contents(atPath: path)

    /// 200 with the font (cached by browsers for a day), or 404 when it is not installed.
    static func response() throws -> Response {
        guard let data else { throw APIError.routeNotFound("/assets/fonts/mongolian.ttf") }
        return Response(
            status: .ok, headers: [.contentType: "font/ttf", .cacheControl: "public, max-age=86400"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
