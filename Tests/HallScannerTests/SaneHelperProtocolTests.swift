import Foundation
import Testing

@testable import HallScanner

/// What a scan helper reports (`SaneHelperMessage`, `SaneHelperDecoder`) and what halld makes of a
/// report and the helper's end (`SaneHelperVerdict`), without processes.
struct SaneHelperProtocolTests {
    static let colour = ScannedPage(width: 3, height: 2, format: .rgb8, bytes: Data((0..<18).map { UInt8($0) }), resolution: 150)
    static let grey = ScannedPage(width: 2, height: 2, format: .gray8, bytes: Data([0, 0x0A, 0xFF, 0x0A]), resolution: nil)
    static let devices = [SaneDeviceInfo(name: "test:0", vendor: "Noname", model: "frontend-tester", type: "virtual device")]

    private func decode(_ messages: [SaneHelperMessage], chunk: Int) throws -> [SaneHelperMessage] {
        let wire = messages.map { $0.encoded() }.reduce(Data(), +)
        var decoder = SaneHelperDecoder()
        var offset = 0
        while offset < wire.count {
            let end = min(wire.count, offset + chunk)
            try decoder.feed(wire.subdata(in: offset..<end))
            offset = end
        }
        try decoder.finish()
        return decoder.messages
    }

    @Test(arguments: [1, 7, 64, 1 << 20])
    func aReportSurvivesAnyChunking(chunk: Int) throws {
        // Pages whose bytes hold newlines (0x0A) and braces, as pixels do.
        let report: [SaneHelperMessage] = [.devices(Self.devices), .page(Self.colour), .page(Self.grey), .done]
        #expect(try decode(report, chunk: chunk) == report)
    }

    @Test(arguments: [
        ScannerError.noDevice, .deviceBusy, .timeout, .feederEmpty, .jammed, .coverOpen, .cancelled,
        .unsupported("mode=Color"), .io("Error during device I/O"), .unresponsive, .crashed("SIGSEGV"),
    ])
    func everyErrorCrossesTheWire(error: ScannerError) throws {
        #expect(try decode([.failure(error)], chunk: 5) == [.failure(error)])
    }

    @Test func garbageIsRefused() {
        var decoder = SaneHelperDecoder()
        #expect(throws: ScannerError.io("scan helper: malformed header")) { try decoder.feed(Data("Segmentation fault\n".utf8)) }
    }

    @Test func aHugePageClaimIsRefusedBeforeAnyAllocation() {
        var decoder = SaneHelperDecoder(maxPayloadBytes: 1000)
        let header = #"{"kind":"page","payloadBytes":1001,"page":{"width":1,"height":1,"format":"gray8"}}"#
        #expect(throws: ScannerError.io("scan helper: payload too large")) { try decoder.feed(Data((header + "\n").utf8)) }
    }

    @Test func anEndlessHeaderLineIsRefused() {
        var decoder = SaneHelperDecoder()
        #expect(throws: ScannerError.io("scan helper: header line too long")) {
            try decoder.feed(Data(repeating: UInt8(ascii: "x"), count: SaneHelperDecoder.maxHeaderBytes + 1))
        }
    }

    @Test func aReportCutInsideAPageIsIncomplete() throws {
        var decoder = SaneHelperDecoder()
        try decoder.feed(SaneHelperMessage.page(Self.colour).encoded().dropLast(4))
        #expect(decoder.messages.isEmpty)
        #expect(throws: ScannerError.io("scan helper: report cut off")) { try decoder.finish() }
    }

    @Test func nothingMayFollowTheEnd() throws {
        var decoder = SaneHelperDecoder()
        try decoder.feed(SaneHelperMessage.done.encoded())
        #expect(throws: ScannerError.io("scan helper: message after the end of the report")) {
            try decoder.feed(SaneHelperMessage.page(Self.grey).encoded())
        }
    }

    @Test func anUnknownErrorCodeIsRefused() {
        var decoder = SaneHelperDecoder()
        #expect(throws: ScannerError.io("scan helper: unknown failure")) {
            try decoder.feed(Data(#"{"kind":"failure","payloadBytes":0,"failure":{"code":"scanner_exploded"}}"#.utf8 + [0x0A]))
        }
    }

    // MARK: Verdict

    typealias Ending = ChildProcess.Ending

    @Test(arguments: [
        // A complete report is believed whatever the end: a crash in sane_exit after the last page loses nothing.
        ([SaneHelperMessage.page(SaneHelperProtocolTests.colour), .done], Ending(termination: .exited(0)), Result<Int, ScannerError>.success(1)),
        ([.page(SaneHelperProtocolTests.colour), .page(SaneHelperProtocolTests.grey), .done], Ending(termination: .signaled(11)), .success(2)),
        ([.page(SaneHelperProtocolTests.colour), .done], Ending(termination: .signaled(9), stoppedBy: .deadline), .success(1)),
        ([.failure(.jammed)], Ending(termination: .exited(0)), .failure(.jammed)),
        ([.failure(.timeout)], Ending(termination: nil, stoppedBy: .deadline), .failure(.timeout)),
        // No complete report.
        ([], Ending(termination: .signaled(9), stoppedBy: .deadline), .failure(.unresponsive)),
        ([], Ending(termination: nil, stoppedBy: .deadline), .failure(.unresponsive)),
        ([.page(SaneHelperProtocolTests.colour)], Ending(termination: .signaled(11)), .failure(.crashed("SIGSEGV"))),
        ([], Ending(termination: .signaled(6)), .failure(.crashed("SIGABRT"))),
        ([], Ending(termination: .signaled(64)), .failure(.crashed("signal 64"))),
        ([], Ending(termination: .exited(3)), .failure(.crashed("exit status 3"))),
        ([], Ending(termination: .exited(0)), .failure(.io("scan helper ended without a result"))),
        ([], Ending(termination: .signaled(9), stoppedBy: .rejected), .failure(.io("scan helper: malformed report"))),
        // Cancelled wins over everything.
        ([.page(SaneHelperProtocolTests.colour), .done], Ending(termination: .signaled(9), stoppedBy: .cancelled), .failure(.cancelled)),
    ])
    func verdictOfAReport(messages: [SaneHelperMessage], ending: Ending, expected: Result<Int, ScannerError>) {
        let outcome = Result { () throws(ScannerError) -> Int in try SaneHelperVerdict.pages(messages, ending: ending).count }
        #expect(outcome == expected)
    }

    @Test func aListingIsItsDevices() throws {
        #expect(try SaneHelperVerdict.devices([.devices(Self.devices), .done], ending: Ending(termination: .exited(0))) == Self.devices)
        #expect(throws: ScannerError.unresponsive) {
            try SaneHelperVerdict.devices([], ending: Ending(termination: .signaled(9), stoppedBy: .deadline))
        }
    }

    @Test func theClerkReadsWhatToDo() {
        #expect(ScannerError.unresponsive.message.contains("无响应") && ScannerError.unresponsive.message.contains("检查设备连接"))
        #expect(ScannerError.crashed("SIGSEGV").message.contains("SIGSEGV") && ScannerError.crashed("x").message.contains("未保存"))
        #expect(ScannerError.unresponsive.kind == .unavailable && ScannerError.crashed("x").kind == .unavailable)
    }
}
