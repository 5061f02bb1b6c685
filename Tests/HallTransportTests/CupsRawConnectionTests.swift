import Foundation
import HallTestSupport
import HallTransport
import Testing

/// CupsRawConnection sends a ticket's bytes as one raw job; ippeveprinter, listing the CUPS
/// raw type, stands in for a CUPS raw queue and keeps what it received.
@Suite("Raw bytes through libcups", .timeLimit(.minutes(2)))
struct CupsRawConnectionTests {
    static let settings = PrintSettings(
        connectTimeout: .seconds(3), requestTimeout: .seconds(10),
        jobTimeout: .seconds(60), pollInterval: .milliseconds(200))

    /// An ESC/POS-like ticket: init, GB18030 Chinese (请A001), every byte value, cut.
    static let ticket: [UInt8] =
        [0x1B, 0x40, 0x1C, 0x26, 0xC7, 0xEB, 0x41, 0x30, 0x30, 0x31, 0x0A]
        + (0...255).map(UInt8.init) + [0x1D, 0x56, 0x42, 0x00]

    @Test func writesArriveByteExactAsOneJob() throws {
        let ipp = try CupsTestPrinter(formats: ["application/pdf", "application/vnd.cups-raw"])
        defer { ipp.stop() }
        let connection = CupsRawConnection(destination: .ippURI(ipp.uri), settings: Self.settings)
        try connection.open()

        // Written in three pieces, as a driver does; nothing is sent before flush.
        try connection.write(Array(Self.ticket[0..<11]), timeoutMilliseconds: 1000)
        try connection.write(Array(Self.ticket[11..<200]), timeoutMilliseconds: 1000)
        try connection.write(Array(Self.ticket[200...]), timeoutMilliseconds: 1000)
        #expect(ipp.spooledFiles().isEmpty)
        try connection.flush()

        let files = ipp.spooledFiles()
        #expect(files.count == 1)
        #expect(try files.map { try [UInt8](Data(contentsOf: $0)) } == [Self.ticket])
        #expect(try connection.read(maxLength: 8, timeoutMilliseconds: 100).isEmpty)
        connection.close()
        #expect(ipp.spooledFiles().count == 1, "close after flush sends nothing more")
    }

    @Test func closeSendsWhatIsStillBuffered() throws {
        let ipp = try CupsTestPrinter(formats: ["application/vnd.cups-raw"])
        defer { ipp.stop() }
        let connection = CupsRawConnection(destination: .ippURI(ipp.uri), settings: Self.settings)
        try connection.open()
        try connection.write([0x1B, 0x40, 0x41, 0x0A], timeoutMilliseconds: 1000)
        connection.close()

        #expect(try ipp.spooledFiles().map { try [UInt8](Data(contentsOf: $0)) } == [[0x1B, 0x40, 0x41, 0x0A]])
        #expect(throws: TransportError.self) { try connection.write([0x0A], timeoutMilliseconds: 100) }
    }

    @Test func unreachablePrinterFailsTheFlush() throws {
        let port = try CupsTestPrinter.freePort()
        let connection = CupsRawConnection(
            destination: .ippURI("ipp://127.0.0.1:\(port)/ipp/print"),
            settings: PrintSettings(
                connectTimeout: .seconds(2), requestTimeout: .seconds(2),
                jobTimeout: .seconds(5)))
        try connection.open()
        try connection.write([0x1B, 0x40], timeoutMilliseconds: 100)
        #expect {
            try connection.flush()
        } throws: { error in
            guard let error = error as? TransportError, case .notFound = error else { return false }
            return true
        }
    }

    @Test func abortedRawJobIsAnIOError() throws {
        let ipp = try CupsTestPrinter(formats: ["application/vnd.cups-raw"], command: "/bin/false")
        defer { ipp.stop() }
        let connection = CupsRawConnection(destination: .ippURI(ipp.uri), settings: Self.settings)
        try connection.open()
        try connection.write([0x1B, 0x40], timeoutMilliseconds: 100)
        #expect {
            try connection.flush()
        } throws: { error in
            guard let error = error as? TransportError, case .io = error else { return false }
            return true
        }
    }
}
