import Foundation
import HallCore
import HallEmulators
import HallIDCard
import HallTransport
import Testing

/// `IDCardReader` through a real pty against the emulated reader: the sequence, every fault, and
/// the reader coming back after it vanished.
@Suite("ID card reader over a pty", .serialized)
struct ReaderOverPTYTests {
    @Test("find, select, read: the card on the reader, nothing else asked")
    func readsThePlacedCard() throws {
        let f = try ReaderFixture()
        f.emulator.place(0)
        let holder = try f.reader.read()
        #expect(holder.name == "韩梅梅" && holder.idNumber.value == "150626199005170026")
        #expect(holder.address == "内蒙古自治区鄂尔多斯市乌审旗嘎鲁图镇示例路1号")
        #expect(f.commands == ["20 01", "20 02", "30 01"])
        let status = f.reader.currentStatus()
        #expect(status.connected && status.reads == 1 && status.failures == 0 && status.lastError == nil)
        #expect(status.address.hasPrefix("tty:"))
    }

    @Test("no card: refused at once; with a wait, a card placed meanwhile is read")
    func noCardThenPlaced() throws {
        let f = try ReaderFixture()
        #expect(throws: IDCardReaderError.noCard) { try f.reader.read() }
        #expect(f.commands == ["20 01"])
        #expect(f.reader.currentStatus().failures == 0, "no card is not a fault")
        let emulator = f.emulator
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(400)) { emulator.place(1) }
        let holder = try f.reader.read(waitingUpTo: 5000, pollMilliseconds: 100)
        #expect(holder.name == "李雷")
    }

    @Test("one damaged answer is asked again; damage that persists is a corrupt-frame error")
    func badChecksum() throws {
        let f = try ReaderFixture()
        f.emulator.place(0)
        f.emulator.inject(.badChecksum, times: 1)
        #expect(try f.reader.read().name == "韩梅梅")
        #expect(f.commands == ["20 01", "20 01", "20 02", "30 01"])
        f.emulator.inject(.badChecksum)
        #expect(throws: IDCardReaderError.self) { try f.reader.read() }
        do throws(IDCardReaderError) {
            _ = try f.reader.read()
            Issue.record("read despite damaged answers")
        } catch {
            guard case .corruptFrame = error else { Issue.record("\(error)"); return }
            #expect(error.message.contains("校验失败"))
        }
        #expect(f.reader.currentStatus().lastError == "idcard_corrupt_frame")
    }

    @Test("card removed mid-read: 0x41, a clear message, and the next read finds no card")
    func cardRemoved() throws {
        let f = try ReaderFixture()
        f.emulator.place(0)
        f.emulator.inject(.cardRemoved, times: 1)
        #expect(throws: IDCardReaderError.cardRemoved) { try f.reader.read() }
        #expect(IDCardReaderError.cardRemoved.message.contains("证件被移开"))
        #expect(throws: IDCardReaderError.noCard) { try f.reader.read() }
    }

    @Test("unsupported documents: a foreigner's permanent residence card, a card of unknown type")
    func unsupportedCards() throws {
        let f = try ReaderFixture()
        f.emulator.place(3)
        #expect(throws: IDCardReaderError.unsupportedCard(.foreignPermanentResident)) { try f.reader.read() }
        f.emulator.place(0)
        f.emulator.inject(.wrongCard, times: 1)
        #expect(throws: IDCardReaderError.unknownCardType) { try f.reader.read() }
        #expect(f.reader.currentStatus().connected, "a wrong card is not a reader fault")
    }

    @Test("a card whose ID number fails the GB 11643 check digit is refused")
    func badCheckDigit() throws {
        let f = try ReaderFixture()
        f.emulator.place(4)
        #expect(throws: IDCardReaderError.unreadableCard(.badIDNumber(.idBadChecksum))) { try f.reader.read() }
    }

    @Test("a reader that does not answer: timeout, reported, then fine again")
    func timeout() throws {
        let f = try ReaderFixture()
        f.emulator.place(0)
        f.emulator.inject(.timeout, times: 1)
        #expect(throws: IDCardReaderError.timeout) { try f.reader.read() }
        #expect(f.reader.currentStatus().lastError == "idcard_reader_timeout")
        #expect(try f.reader.read().name == "韩梅梅")
        #expect(f.reader.currentStatus().lastError == nil)
    }

    @Test("unplugged mid-read: disconnected; replugged at the same path: read again")
    func unplugMidRead() throws {
        let f = try ReaderFixture()
        f.emulator.place(0)
        f.emulator.inject(.unplug, times: 1)
        #expect(throws: IDCardReaderError.self) { try f.reader.read() }
        #expect(f.pty.isClosed)
        let down = f.reader.currentStatus()
        #expect(!down.connected && down.lastError?.hasPrefix("disconnected") == true)
        #expect(throws: IDCardReaderError.self) { try f.reader.read() }

        f.pty = try VirtualIDCardReaderPTY(reader: f.emulator, linkPath: f.pty.path)
        #expect(try f.reader.read().name == "韩梅梅")
        #expect(f.reader.currentStatus().connected)
    }

    @Test("the SAM module's status check needs no card")
    func moduleCheck() throws {
        let f = try ReaderFixture()
        try f.reader.checkModule()
        #expect(f.commands == ["11 FF"])
    }
}
