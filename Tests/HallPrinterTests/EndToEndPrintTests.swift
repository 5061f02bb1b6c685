import Foundation
import HallEmulators
import HallPrinter
import Testing

/// TicketPrinter → real kernel byte pipe (TCP loopback or pty) → virtual printer.
@Suite struct EndToEndPrintTests {
    @Test(arguments: [VirtualPrinterRig.Transport.tcp, .pty])
    func ticketArrivesDecoded(transport: VirtualPrinterRig.Transport) async throws {
        let rig = try VirtualPrinterRig(transport)
        let driver = rig.makePrinter()
        let slip = Fixtures.slip(number: "B017", service: "不动产登记")
        let condition = try await driver.print(.ticket(slip, TicketLayout()))
        #expect(condition == .ready)
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 1 })
        let receipt = try #require(rig.printer.receipts.first)
        let text = ReceiptTextRenderer(charactersPerLine: 48).render(receipt)
        #expect(text.contains("B017"))
        #expect(text.contains("不动产登记"))
        #expect(text.contains("青山镇便民服务中心"))
        #expect(receipt.qrCodes.map(\.payload) == [slip.statusURL])
        #expect(receipt.cut == .partial)
        await driver.disconnect()
    }

    @Test func receiptIsSavedAsPNGAndText() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        let out = Fixtures.temporaryDirectory("png")
        let archive = try ReceiptArchive(directory: out, widthDots: 576, charactersPerLine: 48)
        rig.printer.onReceipt { _ = try? archive.save($0) }
        let driver = rig.makePrinter()
        _ = try await driver.print(.ticket(Fixtures.slip(number: "C003"), TicketLayout()))
        let png = out.appendingPathComponent("0001.png")
        let txt = out.appendingPathComponent("0001.txt")
        #expect(await Fixtures.eventually { FileManager.default.fileExists(atPath: txt.path) })
        let image = try #require(PNGInspector(url: png))
        #expect(image.width == 576)
        #expect(image.height > 500)
        // Text, a 4× number and a QR code leave plenty of black; a blank page would have none.
        #expect(image.darkPixels > 5_000)
        #expect(image.darkPixels < image.width * image.height / 2)
        let text = try String(contentsOf: txt, encoding: .utf8)
        #expect(text.contains("C003") && text.contains("社保医保") && text.contains("半切"))
        await driver.disconnect()
    }

    @Test func printerWithoutCutterIsTornOff() async throws {
        let rig = try VirtualPrinterRig(.tcp, profile: .generic58mm)
        let driver = rig.makePrinter()
        _ = try await driver.print(.ticket(Fixtures.slip(), TicketLayout()))
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 1 })
        #expect(rig.printer.receipts.first?.cut == CutMode.none)
        await driver.disconnect()
    }

    @Test(arguments: [
        (SimulatedPrinterState(paperOut: true), PrinterCondition.paperOut),
        (SimulatedPrinterState(coverOpen: true), .coverOpen),
        (SimulatedPrinterState(offline: true), .offline),
        (SimulatedPrinterState(cutterError: true), .cutterError),
    ])
    func faultsAreClassifiedAndNothingIsSent(state: SimulatedPrinterState, expected: PrinterCondition) async throws {
        let rig = try VirtualPrinterRig(.tcp, state: state)
        let driver = rig.makePrinter()
        await #expect(throws: PrintFailure.notReady(expected)) {
            try await driver.print(.ticket(Fixtures.slip(), TicketLayout()))
        }
        #expect(await driver.currentCondition() == expected)
        // Only status requests went over the wire (4 × DLE EOT per check).
        #expect(rig.printer.bytesReceived % 3 == 0 && rig.printer.bytesReceived <= 24)
        #expect(rig.printer.receipts.isEmpty)
        await driver.disconnect()
    }

    @Test func paperNearEndStillPrints() async throws {
        let rig = try VirtualPrinterRig(.tcp, state: SimulatedPrinterState(paperNearEnd: true))
        let driver = rig.makePrinter()
        #expect(try await driver.print(.ticket(Fixtures.slip(), TicketLayout())) == .paperNearEnd)
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 1 })
        await driver.disconnect()
    }

    @Test func silentPrinterIsUnreachable() async throws {
        let rig = try VirtualPrinterRig(.tcp, state: SimulatedPrinterState(poweredOff: true))
        let driver = rig.makePrinter(statusTimeoutMilliseconds: 150)
        await #expect(throws: PrintFailure.noStatusReply) {
            try await driver.print(.ticket(Fixtures.slip(), TicketLayout()))
        }
        #expect(await driver.currentCondition() == .unreachable)
    }

    @Test func nobodyListeningIsUnreachable() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        rig.stopEndpoint()
        let driver = rig.makePrinter()
        do {
            _ = try await driver.print(.ticket(Fixtures.slip(), TicketLayout()))
            Issue.record("printing to a closed port succeeded")
        } catch {
            guard case .transport(.notFound) = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.condition == .unreachable)
        }
    }

    /// With automatic status back enabled the printer sends 4-byte ASB blocks on its own;
    /// the driver must skip them when it reads DLE EOT replies.
    @Test func automaticStatusBackBlocksAreSkipped() async throws {
        let rig = try VirtualPrinterRig(.tcp)
        let driver = rig.makePrinter()
        var enable = EscPosEncoder()
        enable.automaticStatusBack(.all)
        #expect(try await driver.print(bytes: enable.bytes) == .ready)
        rig.printer.state = SimulatedPrinterState(paperNearEnd: true)  // sends an ASB block
        rig.printer.state = SimulatedPrinterState()  // and another
        #expect(try await driver.print(.ticket(Fixtures.slip(number: "D001"), TicketLayout())) == .ready)
        #expect(await Fixtures.eventually { rig.printer.receipts.count == 1 })
        rig.printer.state = SimulatedPrinterState(paperOut: true)
        await #expect(throws: PrintFailure.notReady(.paperOut)) {
            try await driver.print(.ticket(Fixtures.slip(number: "D002"), TicketLayout()))
        }
        await driver.disconnect()
    }

    /// python-escpos style input from another encoder is decoded too (GS ! sizes, ESC ! modes).
    @Test func decoderHandlesSplitChunks() throws {
        let bytes = try TicketLayout().encode(Fixtures.slip(number: "E042"), for: .generic80mm)
        var decoder = EscPosDecoder()
        var cut: [PrintedReceipt] = []
        for chunk in stride(from: 0, to: bytes.count, by: 7).map({ Array(bytes[$0..<min($0 + 7, bytes.count)]) }) {
            for case .receiptCut(let r) in decoder.feed(chunk) { cut.append(r) }
        }
        #expect(cut.count == 1)
        #expect(cut == Fixtures.decode(bytes).receipts)
        #expect(cut.first?.lines.contains { $0.text == "E042" } == true)
        #expect(decoder.unknownCommandCount == 0)
    }

    @Test func withoutChineseModeTheTextIsGarbled() {
        // GB18030 bytes without FS & print as code-page glyphs, as on a real printer.
        var decoder = EscPosDecoder()
        _ = decoder.feed([0xC7, 0xEB, 0x0A, 0x1C, 0x26, 0xC7, 0xEB, 0x0A])
        #expect(decoder.current.lines.map(\.text) == ["\u{C7}\u{EB}", "请"])
    }
}
