import HallEmulators
import HallPrinter
import Testing

@Suite struct PrinterStatusTests {
    private func status(_ replies: [StatusRequest: UInt8]) throws -> PrinterStatus {
        var s = PrinterStatus()
        for (request, byte) in replies { try s.apply(byte, for: request) }
        return s
    }

    @Test func readyPrinter() throws {
        let s = try status([.printer: 0x12, .offlineCause: 0x12, .errorCause: 0x12, .paperSensor: 0x12])
        #expect(s.online == true && s.coverOpen == false && s.paperOut == false && s.cutterError == false)
        #expect(s.condition == .ready)
        #expect(s.condition.canPrint)
    }

    @Test func offlineBitOfDleEot1() throws {
        let s = try status([.printer: 0x1A])
        #expect(s.online == false)
        #expect(s.condition == .offline)
        #expect(!s.condition.canPrint)
    }

    @Test func offlineCausesOfDleEot2() throws {
        let s = try status([.offlineCause: 0x12 | 0x04 | 0x08 | 0x20 | 0x40])
        #expect(s.coverOpen == true && s.feedButtonPressed == true && s.paperEndStop == true && s.errorOccurred == true)
        #expect(s.condition == .coverOpen)
    }

    @Test func errorCausesOfDleEot3() throws {
        let s = try status([.errorCause: 0x12 | 0x08])
        #expect(s.cutterError == true && s.unrecoverableError == false && s.autoRecoverableError == false)
        #expect(s.condition == .cutterError)
        let t = try status([.errorCause: 0x12 | 0x40])
        #expect(t.autoRecoverableError == true)
        #expect(t.condition == .offline)
    }

    @Test func paperSensorOfDleEot4() throws {
        let near = try status([.paperSensor: 0x12 | 0x0C])
        #expect(near.paperNearEnd == true && near.paperOut == false)
        #expect(near.condition == .paperNearEnd)
        #expect(near.condition.canPrint)
        let out = try status([.paperSensor: 0x12 | 0x0C | 0x60])
        #expect(out.paperOut == true)
        #expect(out.condition == .paperOut)
    }

    @Test func paperOutWinsOverOffline() throws {
        // A printer out of paper also reports itself offline.
        let s = try status([.printer: 0x1A, .offlineCause: 0x32, .paperSensor: 0x7E])
        #expect(s.condition == .paperOut)
    }

    @Test func rejectsBytesWithoutTheFixedBits() {
        var s = PrinterStatus()
        #expect(throws: StatusParseError.notAStatusByte(0x00)) { try s.apply(0x00, for: .printer) }
        // An ASB header is not a DLE EOT reply.
        #expect(throws: StatusParseError.self) { try s.apply(0x10, for: .printer) }
    }

    @Test func automaticStatusBackBlock() throws {
        let ready = try PrinterStatus(automaticStatusBack: [0x10, 0x00, 0x00, 0x00])
        #expect(ready.condition == .ready && ready.online == true)
        let cover = try PrinterStatus(automaticStatusBack: [0x10 | 0x08 | 0x20, 0x00, 0x00, 0x00])
        #expect(cover.coverOpen == true && cover.online == false)
        #expect(cover.condition == .coverOpen)
        let paper = try PrinterStatus(automaticStatusBack: [0x18, 0x00, 0x0F, 0x00])
        #expect(paper.paperNearEnd == true && paper.paperOut == true)
        #expect(paper.condition == .paperOut)
        let cutter = try PrinterStatus(automaticStatusBack: [0x18, 0x08, 0x00, 0x00])
        #expect(cutter.condition == .cutterError)
        #expect(throws: StatusParseError.wrongLength(3)) { try PrinterStatus(automaticStatusBack: [0x10, 0, 0]) }
        #expect(throws: StatusParseError.notAStatusByte(0x12)) {
            try PrinterStatus(automaticStatusBack: [0x12, 0, 0, 0])
        }
    }

    /// The emulator's replies, parsed by the driver's parser, give back the simulated state.
    @Test(arguments: [
        (SimulatedPrinterState(), PrinterCondition.ready),
        (SimulatedPrinterState(paperNearEnd: true), .paperNearEnd),
        (SimulatedPrinterState(paperOut: true), .paperOut),
        (SimulatedPrinterState(coverOpen: true), .coverOpen),
        (SimulatedPrinterState(offline: true), .offline),
        (SimulatedPrinterState(cutterError: true), .cutterError),
    ])
    func simulatedStatesRoundTrip(state: SimulatedPrinterState, expected: PrinterCondition) throws {
        var s = PrinterStatus()
        for request in StatusRequest.allCases { try s.apply(state.realTimeStatus(request), for: request) }
        #expect(s.condition == expected)
        #expect(try PrinterStatus(automaticStatusBack: state.automaticStatusBack).condition == expected)
    }

    @Test func everyConditionHasAChineseLabel() {
        for c in PrinterCondition.allCases {
            #expect(!c.label.isEmpty)
            #expect(c.label.unicodeScalars.contains { $0.value > 0x4E00 })
        }
        #expect(PrinterCondition.paperOut.label.contains("缺纸"))
    }
}
