import Foundation
import HallTestSupport
import HallTransport
import Testing

/// IPPDocumentPrinter against a real IPP printer (ippeveprinter) started by each test.
@Suite("Printing through libcups to ippeveprinter", .timeLimit(.minutes(2)))
struct CupsDocumentPrinterTests {
    /// Bytes that start like a PDF: ippeveprinter only checks the declared format, and its
    /// `-c` command decides the job's fate. Real PDFs are printed in HallDocumentsTests.
    static let smallPDF = [UInt8]("%PDF-1.4\n% Hall test document 受理通知书\n%%EOF\n".utf8)

    static let fast = PrintSettings(
        connectTimeout: .seconds(3), requestTimeout: .seconds(10),
        jobTimeout: .seconds(60), pollInterval: .milliseconds(200))

    @Test func jobIsFollowedUntilCompletedAndTheFileArrives() async throws {
        let ipp = try CupsTestPrinter()
        defer { ipp.stop() }
        let printer = IPPDocumentPrinter(destination: .ippURI(ipp.uri), settings: Self.fast)

        let outcome = try await printer.print(Data(Self.smallPDF), title: "test")

        #expect(outcome.state == .completed)
        #expect(outcome.jobID > 0)
        #expect(outcome.destination == .ippURI(ipp.uri))
        let files = ipp.spooledFiles()
        #expect(files.count == 1)
        #expect(try files.map { try [UInt8](Data(contentsOf: $0)) } == [Self.smallPDF])
    }

    @Test func twoJobsGetTwoIdsAndTwoFiles() async throws {
        let ipp = try CupsTestPrinter()
        defer { ipp.stop() }
        let printer = IPPDocumentPrinter(destination: PrintDestination(configured: ipp.uri), settings: Self.fast)

        let first = try await printer.print(Data(Self.smallPDF), title: "one")
        let second = try await printer.print(Data(Self.smallPDF + [0x0A]), title: "two")

        #expect(first.jobID != second.jobID)
        #expect(ipp.spooledFiles().count == 2)
    }

    @Test func jobThatFailsAtThePrinterIsReportedAborted() async throws {
        let ipp = try CupsTestPrinter(command: "/bin/false")
        defer { ipp.stop() }
        let printer = IPPDocumentPrinter(destination: .ippURI(ipp.uri), settings: Self.fast)

        let error = await #expect(throws: PrintError.self) {
            try await printer.print(Data(Self.smallPDF), title: "fails")
        }
        guard case .jobAborted(let jobID, _) = error else {
            Issue.record("expected jobAborted, got \(String(describing: error))")
            return
        }
        #expect(jobID > 0)
        #expect(error?.message.contains("打印失败") == true)
    }

    @Test func formatThePrinterDoesNotTakeIsRefused() async throws {
        let ipp = try CupsTestPrinter(formats: ["application/pdf"])
        defer { ipp.stop() }
        let printer = IPPDocumentPrinter(destination: .ippURI(ipp.uri), settings: Self.fast)

        let error = await #expect(throws: PrintError.self) {
            try await printer.print(Data("plain text".utf8), title: "text", format: DocumentFormat(rawValue: "text/plain"))
        }
        #expect(error?.code == "print_refused")
        #expect(ipp.spooledFiles().isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func nothingListeningIsUnreachable() async throws {
        let port = try CupsTestPrinter.freePort()
        let printer = IPPDocumentPrinter(
            destination: .ippURI("ipp://127.0.0.1:\(port)/ipp/print"),
            settings: PrintSettings(
                connectTimeout: .seconds(2), requestTimeout: .seconds(2),
                jobTimeout: .seconds(5)))
        let error = await #expect(throws: PrintError.self) {
            try await printer.print(Data(Self.smallPDF), title: "nobody")
        }
        guard case .unreachable = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(error?.message == "无法连接打印机，请检查打印机电源、网线或打印服务后重新打印")
        #expect(error?.isRetryable == true)
    }

    @Test func jobThatNeverEndsTimesOutWhileProcessing() async throws {
        // The printer's command outlives the job timeout, so the job stays `processing`.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hall-slow-\(UUID().uuidString).sh")
        try "#!/bin/sh\nsleep 20\n".write(to: scratch, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let ipp = try CupsTestPrinter(command: scratch.path)
        defer { ipp.stop() }
        let printer = IPPDocumentPrinter(
            destination: .ippURI(ipp.uri),
            settings: PrintSettings(
                connectTimeout: .seconds(3), requestTimeout: .seconds(5),
                jobTimeout: .seconds(2), pollInterval: .milliseconds(200)))

        let error = await #expect(throws: PrintError.self) {
            try await printer.print(Data(Self.smallPDF), title: "slow")
        }
        guard case .timeout(let jobID, let state) = error else {
            Issue.record("expected timeout, got \(String(describing: error))")
            return
        }
        #expect(jobID > 0)
        #expect(state == .processing || state == .pending)
        #expect(error?.message.contains("未在规定时间内完成") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func unknownQueueIsNotFoundOrUnreachable() async {
        // With a CUPS scheduler the queue is unknown; without one (as on the test machines)
        // the scheduler is unreachable. Either way: a typed error, not a hang.
        let printer = IPPDocumentPrinter(
            destination: .queue("HallNoSuchQueue\(UUID().uuidString.prefix(8))"),
            settings: PrintSettings(connectTimeout: .seconds(2), requestTimeout: .seconds(2)))
        let error = await #expect(throws: PrintError.self) {
            try await printer.print(Data(Self.smallPDF), title: "queue")
        }
        #expect(["print_queue_not_found", "printer_unreachable"].contains(error?.code ?? ""))
    }

    @Test func emptyDocumentIsRejectedBeforeConnecting() async {
        let printer = IPPDocumentPrinter(destination: .ippURI("ipp://127.0.0.1:9/ipp/print"))
        await #expect(throws: PrintError.emptyDocument) {
            try await printer.print(Data(), title: "empty")
        }
    }

    @Test func malformedURIIsAnInvalidDestination() async {
        let printer = IPPDocumentPrinter(destination: .ippURI("http//nowhere"))
        await #expect(throws: PrintError.invalidDestination("http//nowhere")) {
            try await printer.print(Data(Self.smallPDF), title: "bad")
        }
    }

    @Test func configuredTextChoosesQueueOrURI() {
        #expect(PrintDestination(configured: "Office_A4") == .queue("Office_A4"))
        #expect(PrintDestination(configured: " ipp://10.0.0.5:631/ipp/print ") == .ippURI("ipp://10.0.0.5:631/ipp/print"))
    }
}
