import Foundation
import HallEmulators
import HallPrinter
import Testing

/// Nothing is lost: faults keep jobs pending until the printer is back.
@Suite struct PrintSpoolerTests {
    private func runLoop(_ spooler: PrintSpooler) -> Task<Void, Never> {
        Task { await spooler.run() }
    }

    @Test func paperOutJobStaysPendingAndPrintsOnceWhenPaperIsBack() async throws {
        let rig = try VirtualPrinterRig(.tcp, state: SimulatedPrinterState(paperOut: true))
        let journal = InMemoryPrintJobJournal()
        let spooler = PrintSpooler(printer: rig.makePrinter(), journal: journal, retryInterval: .milliseconds(100))

        let outcome = try await spooler.submit(Fixtures.ticketJob("A007"))
        #expect(outcome == .pending(.paperOut))
        var health = await spooler.health()
        #expect(health.condition == .paperOut)
        #expect(health.label.contains("缺纸"))
        #expect(health.pendingJobIDs == ["ticket-A007"])
        #expect(await journal.pendingJobs().map(\.id) == ["ticket-A007"])
        #expect(await journal.pendingJobs().first?.lastFailure == .paperOut)

        let loop = runLoop(spooler)
        defer { loop.cancel() }
        #expect(await Fixtures.eventually { await spooler.health().failedAttemptsTotal >= 3 })
        #expect(rig.printer.receipts.isEmpty)
        #expect(await spooler.health().pendingJobIDs == ["ticket-A007"])

        rig.printer.state = SimulatedPrinterState()  // paper loaded
        #expect(await Fixtures.eventually { await spooler.health().pendingJobIDs.isEmpty })
        try await Task.sleep(for: .milliseconds(400))
        #expect(rig.printer.receipts.count == 1)
        #expect(rig.printer.receipts.first?.lines.contains { $0.text == "A007" } == true)
        health = await spooler.health()
        #expect(health.condition == .ready)
        #expect(health.printedTotal == 1)
        #expect(await journal.pendingJobs().isEmpty)
        await spooler.printer.disconnect()
    }

    @Test func unpluggedPrinterIsRetriedAfterReconnect() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        let spooler = PrintSpooler(
            printer: rig.makePrinter(), journal: InMemoryPrintJobJournal(),
            retryInterval: .milliseconds(100))
        #expect(try await spooler.submit(Fixtures.ticketJob("A001")) == .printed(.ready))

        rig.stopEndpoint()  // unplugged: port closed, connection dropped
        #expect(try await spooler.submit(Fixtures.ticketJob("A002")) == .pending(.unreachable))
        #expect(await spooler.health().condition == .unreachable)

        let loop = runLoop(spooler)
        defer { loop.cancel() }
        try await Task.sleep(for: .milliseconds(300))
        try rig.startEndpoint()  // plugged back on the same port
        #expect(await Fixtures.eventually { await spooler.health().pendingJobIDs.isEmpty })
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 2 })
        #expect(rig.printer.receipts.last?.lines.contains { $0.text == "A002" } == true)
        #expect(await spooler.health().condition == .ready)
        await spooler.printer.disconnect()
    }

    @Test func droppedConnectionIsReopened() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        let spooler = PrintSpooler(
            printer: rig.makePrinter(), journal: InMemoryPrintJobJournal(),
            retryInterval: .milliseconds(100))
        #expect(try await spooler.submit(Fixtures.ticketJob("A001")).isPrinted)
        rig.server?.dropClients()  // the link drops while the driver holds its connection
        try await Task.sleep(for: .milliseconds(200))
        let second = try await spooler.submit(Fixtures.ticketJob("A002"))
        if !second.isPrinted {
            #expect(second == .pending(.unreachable))
            await spooler.retryPending()
        }
        #expect(await spooler.health().pendingJobIDs.isEmpty)
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 2 })
        await spooler.printer.disconnect()
    }

    @Test func pendingJobsSurviveARestartThroughTheJournal() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        rig.stopEndpoint()
        let journal = InMemoryPrintJobJournal()
        let first = PrintSpooler(printer: rig.makePrinter(), journal: journal, retryInterval: .seconds(60))
        #expect(try await first.submit(Fixtures.ticketJob("A010")) == .pending(.unreachable))
        #expect(try await first.submit(Fixtures.ticketJob("A011")) == .pending(.unreachable))

        // The daemon restarts: a new spooler over the same journal.
        try rig.startEndpoint()
        let second = PrintSpooler(printer: rig.makePrinter(), journal: journal, retryInterval: .seconds(60))
        await second.restorePending()
        #expect(await second.health().pendingJobIDs == ["ticket-A010", "ticket-A011"])
        #expect(await second.retryPending() == 2)
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 2 })
        // Oldest first.
        #expect(rig.printer.receipts.map { $0.lines.contains { $0.text == "A010" } } == [true, false])
        #expect(await journal.pendingJobs().isEmpty)
        await second.printer.disconnect()
    }

    @Test func hotplugNotificationRetriesAtOnce() async throws {
        let rig = try VirtualPrinterRig(.tcp, state: SimulatedPrinterState(coverOpen: true))
        let spooler = PrintSpooler(
            printer: rig.makePrinter(), journal: InMemoryPrintJobJournal(),
            retryInterval: .seconds(60))
        #expect(try await spooler.submit(Fixtures.ticketJob("A020")) == .pending(.coverOpen))
        let loop = runLoop(spooler)
        defer { loop.cancel() }
        try await Task.sleep(for: .milliseconds(100))
        rig.printer.state = SimulatedPrinterState()
        await spooler.printerArrived()
        #expect(await Fixtures.eventually(3) { rig.printer.receipts.count == 1 })
        await spooler.printer.disconnect()
    }

    @Test func reprintPrintsAgain() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        let spooler = PrintSpooler(printer: rig.makePrinter(), journal: InMemoryPrintJobJournal())
        let job = Fixtures.ticketJob("A030")
        #expect(try await spooler.submit(job).isPrinted)
        #expect(try await spooler.reprint(id: job.id, document: job.document).isPrinted)
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 2 })
        #expect(await spooler.health().printedTotal == 2)
        await spooler.printer.disconnect()
    }

    @Test func unencodableJobIsRefusedNotKept() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        let journal = InMemoryPrintJobJournal()
        let spooler = PrintSpooler(printer: rig.makePrinter(), journal: journal)
        let bad = PrintJob(id: "t", document: .ticket(Fixtures.slip(service: "𠀀"), TicketLayout()))
        await #expect(throws: EscPosError.self) { try await spooler.submit(bad) }
        #expect(await journal.pendingJobs().isEmpty)
        #expect(await spooler.health().pendingJobIDs.isEmpty)
    }

    @Test func idlePollingTracksTheCondition() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        let spooler = PrintSpooler(
            printer: rig.makePrinter(), journal: InMemoryPrintJobJournal(),
            retryInterval: .milliseconds(50))
        let loop = runLoop(spooler)
        defer { loop.cancel() }
        rig.printer.state = SimulatedPrinterState(paperNearEnd: true)
        #expect(await Fixtures.eventually { await spooler.health().condition == .paperNearEnd })
        rig.printer.state = SimulatedPrinterState(coverOpen: true)
        #expect(await Fixtures.eventually { await spooler.health().condition == .coverOpen })
        loop.cancel()
        await spooler.printer.disconnect()
    }
}
