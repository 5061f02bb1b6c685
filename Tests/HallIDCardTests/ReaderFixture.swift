import Foundation
import HallEmulators
import HallIDCard
import HallTestSupport
import HallTransport

/// An emulated reader on a real pty, opened by the host side through `TTYConnection` at 115200 8N1.
final class ReaderFixture: @unchecked Sendable {
    static let cards = (try? IDCardFixture.load(PackagePaths.url("Tests/HallIDCardTests/Fixtures/cards.json"))) ?? []
    /// Short timeouts: the emulator answers at once.
    static let model = IDCardReaderModel(
        id: "test", name: "test", commandTimeoutMilliseconds: 300, readTimeoutMilliseconds: 600)

    let folder: URL
    let emulator: VirtualIDCardReader
    var pty: VirtualIDCardReaderPTY
    let connection: TTYConnection
    let reader: IDCardReader

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-idcard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        emulator = VirtualIDCardReader(cards: Self.cards)
        pty = try VirtualIDCardReaderPTY(reader: emulator, linkPath: folder.appendingPathComponent("ttyIDCard").path)
        connection = TTYConnection(path: pty.path, settings: Self.model.serial, drainAfterWrite: false)
        reader = IDCardReader(connection: connection, model: Self.model, place: "kiosk")
    }

    deinit {
        connection.close()
        pty.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The commands the emulator received, as `20 01` texts.
    var commands: [String] { emulator.received.map { $0.command.map { "\($0)" } ?? "damaged" } }
}
