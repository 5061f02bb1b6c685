import Foundation
import HallEmulators
import HallPrinter
import Testing

@Suite struct TicketLayoutTests {
    static let profiles: [PrinterProfile] = {
        let catalog = try? PrinterProfileCatalog(directory: Fixtures.profileDirectory)
        return (catalog?.profiles ?? []) + [.generic80mm, .generic58mm]
    }()

    private func printed(_ bytes: [UInt8], profile: PrinterProfile) throws -> PrintedReceipt {
        let (receipts, rest) = Fixtures.decode(bytes)
        if profile.cutter == .none {
            #expect(receipts.isEmpty)
            return rest
        }
        #expect(receipts.count == 1)
        return try #require(receipts.first)
    }

    @Test(arguments: profiles)
    func ticketFitsThePaper(profile: PrinterProfile) throws {
        let long = Fixtures.slip(number: "A001", service: "不动产登记、户籍办理与社会保障综合窗口业务")
        let bytes = try TicketLayout(headerLines: ["欢迎光临"], footerLines: ["服务热线 12345"])
            .encode(long, for: profile)
        let receipt = try printed(bytes, profile: profile)
        #expect(receipt.lines.count > 8)
        for line in receipt.lines {
            #expect(line.columns <= profile.charactersPerLine, "\(profile.id): '\(line.text)' is \(line.columns) columns")
        }
        let text = receipt.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("A001"))
        #expect(text.contains("您的号码"))
        #expect(text.contains("前面还有 3 人等候"))
        #expect(text.contains("预计等候约 12 分钟"))
        #expect(text.contains("取号时间：2025-03-14 09:05"))
        #expect(text.contains("过号请重新取号"))
        // The courtesy line breaks at its comma rather than mid-phrase on narrow paper.
        #expect(receipt.lines.contains { $0.text.hasPrefix("请留意叫号屏幕和语音提示") })
        #expect(text.contains("欢迎光临") && text.contains("服务热线 12345"))
        // The long service name wraps but is all there.
        #expect(receipt.lines.map(\.text).joined().contains("不动产登记、户籍办理与社会保障综合窗口业务"))
        // Every non-blank line is centred.
        #expect(receipt.lines.filter { !$0.runs.isEmpty }.allSatisfy { $0.alignment == .center })
        // The number is printed large and bold.
        let number = try #require(receipt.lines.first { $0.text == "A001" })
        #expect(number.runs.allSatisfy { $0.bold && $0.size.width >= 4 && $0.size.height >= 4 })
    }

    @Test(arguments: profiles)
    func qrCodeIsNativeOrRaster(profile: PrinterProfile) throws {
        let slip = Fixtures.slip()
        let receipt = try printed(try TicketLayout().encode(slip, for: profile), profile: profile)
        if profile.supportsQRCode {
            #expect(receipt.qrCodes.map(\.payload) == [slip.statusURL])
            #expect(receipt.images.isEmpty)
        } else {
            // Printers without GS ( k get the symbol as a raster image of libqrencode's matrix.
            #expect(receipt.qrCodes.isEmpty)
            let image = try #require(receipt.images.first)
            let matrix = try #require(QRMatrix(payload: slip.statusURL, errorCorrection: .medium))
            #expect(image.bitmap.width <= profile.printableDots)
            let module = image.bitmap.height / matrix.size
            #expect(module >= 1 && image.bitmap.height == matrix.size * module)
            for y in 0..<matrix.size {
                for x in 0..<matrix.size {
                    #expect(image.bitmap[x * module, y * module] == matrix.isDark(x: x, y: y))
                }
            }
        }
    }

    @Test func blocksAreConfigurable() throws {
        let layout = TicketLayout(blocks: [.number, .qrCode], numberMultiplier: 2)
        let receipt = try printed(try layout.encode(Fixtures.slip(), for: .generic80mm), profile: .generic80mm)
        let text = receipt.lines.map(\.text)
        #expect(!text.contains("青山镇便民服务中心"))
        #expect(!text.contains { $0.contains("取号时间") })
        let number = try #require(receipt.lines.first { $0.text == "A001" })
        #expect(number.runs.first?.size == CharacterSize(width: 2, height: 2))
    }

    @Test func logoIsSentAsRaster() throws {
        var logo = MonochromeBitmap(width: 64, height: 16)
        for x in 0..<64 { logo[x, 8] = true }
        let layout = TicketLayout(blocks: [.logo, .number], logo: logo)
        let receipt = try printed(try layout.encode(Fixtures.slip(), for: .generic80mm), profile: .generic80mm)
        #expect(receipt.images.map(\.bitmap) == [logo])
        #expect(receipt.images.first?.alignment == .center)
    }

    @Test func zeroPeopleAheadAndUnknownWait() throws {
        var slip = Fixtures.slip()
        slip.peopleAhead = 0
        slip.estimatedWaitMinutes = nil
        let receipt = try printed(try TicketLayout().encode(slip, for: .generic58mm), profile: .generic58mm)
        let text = receipt.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("前面没有人等候"))
        #expect(!text.contains("预计等候"))
    }

    @Test func characterOutsideTheFontIsAnError() {
        let slip = Fixtures.slip(service: "𠀀事项")
        #expect(throws: EscPosError.notInPrinterFont(character: "𠀀", in: "𠀀事项")) {
            try TicketLayout().encode(slip, for: .generic80mm)
        }
    }

    @Test func issueTimeFormattedInTheCenterTimeZone() throws {
        let date = try #require(ISO8601DateFormatterShim.date("2025-03-14T01:05:00Z"))
        let slip = TicketSlip(
            centerName: "c", serviceName: "s", number: "A1", peopleAhead: 0,
            estimatedWaitMinutes: nil, issuedAt: date,
            timeZone: try #require(TimeZone(identifier: "Asia/Shanghai")), statusURL: "u")
        #expect(slip.issuedAt == "2025-03-14 09:05")
    }

    @Test func receiptLayoutFitsAndCarriesFieldsAndQR() throws {
        let receipt = ReceiptDocument(
            title: "上门服务回执", subtitleLines: ["青山镇便民服务中心"],
            fields: [
                .init("受理编号", "SM-2025-0001"), .init("申请人", "张*"),
                .init("服务地址", "青山镇幸福村三组十二号附近的一处很长很长的地址描述文字"),
            ],
            qrPayload: "https://hall.example.cn/r/SM-2025-0001", footerLines: ["请妥善保管本回执"])
        for profile in [PrinterProfile.generic80mm, .generic58mm] {
            let bytes = try ReceiptLayout().encode(receipt, for: profile)
            let out = try printed(bytes, profile: profile)
            for line in out.lines { #expect(line.columns <= profile.charactersPerLine, "\(line.text)") }
            let text = out.lines.map(\.text).joined(separator: "\n")
            #expect(text.contains("上门服务回执") && text.contains("SM-2025-0001") && text.contains("请妥善保管本回执"))
            #expect(out.qrCodes.map(\.payload) == ["https://hall.example.cn/r/SM-2025-0001"])
            // Key left, value right when they fit.
            let number = try #require(out.lines.first { $0.text.hasPrefix("受理编号") })
            #expect(number.columns == profile.charactersPerLine)
        }
    }

    @Test func lineFitterCountsChineseAsTwoColumns() {
        #expect(GB18030.columns("A001") == 4)
        #expect(GB18030.columns("您的号码") == 8)
        #expect(GB18030.columns("取号：A1") == 8)
        #expect(LineFitter.wrap("一二三四五", columns: 4) == ["一二", "三四", "五"])
        #expect(LineFitter.wrap("AB一", columns: 3) == ["AB", "一"])
        #expect(LineFitter.largestFittingMultiplier(for: "A001", columns: 32, preferred: 4) == 4)
        #expect(LineFitter.largestFittingMultiplier(for: "青山镇便民服务中心", columns: 32, preferred: 2) == 1)
    }
}

enum ISO8601DateFormatterShim {
    static func date(_ s: String) -> Date? { ISO8601DateFormatter().date(from: s) }
}
