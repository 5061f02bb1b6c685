import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The capture API end to end over HTTP, with SANE's `test` backend scanning real images through
/// libsane: scan → attach → list → thumbnail → delete → export (the PDF read back with poppler).
@Suite("Capture API over HTTP", .serialized)
struct CaptureAPITests {
    /// Opens a case at `window` as the signed-in clerk; returns its id.
    private func openCase(_ client: some TestClientProtocol, token: String, window: Int = 1) async throws -> Int64 {
        let (status, body) = try await client.send(
            .post, "/api/cases", IntakeTestHall.openBody(item: CaptureTestHall.item, window: window),
            token: token)
        #expect(status == .created, "\(body)")
        return try HallJSON.decoder().decode(Case.self, from: Data(body.utf8)).id
    }

    @Test("scan a material, feed three pages, list, thumbnail, delete one, export one PDF")
    func scanAttachListExport() async throws {
        let hall = try CaptureTestHall.make()
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            let id = try await openCase(client, token: clerk)

            // The case was opened at window 1: its scanner is used.
            let (idStatus, idBody) = try await client.send(.post, "/api/cases/\(id)/captures", #"{"material":"id-card"}"#, token: clerk)
            #expect(idStatus == .created, "\(idBody)")
            let idCard = try HallJSON.decoder().decode(CapturedPages.self, from: Data(idBody.utf8))
            #expect(idCard.window == 1 && idCard.captures.map(\.page) == [1])
            #expect(idCard.captures[0].materialName == "居民身份证" && idCard.captures[0].mime == "image/png")

            // The application form: three sheets through the document feeder.
            let (formStatus, formBody) = try await client.send(
                .post, "/api/cases/\(id)/captures",
                #"{"material":"application","source":"adf","pages":3,"colorMode":"gray","resolution":75}"#,
                token: clerk)
            #expect(formStatus == .created, "\(formBody)")
            let form = try HallJSON.decoder().decode(CapturedPages.self, from: Data(formBody.utf8))
            #expect(form.captures.map(\.page) == [1, 2, 3])

            // Listed in checklist order with the materials' page counts.
            let listing = try await client.decode(CaptureListing.self, .get, "/api/cases/\(id)/captures", token: clerk)
            #expect(listing.captures.map(\.material) == ["id-card", "application", "application", "application"])
            #expect(listing.materials.first { $0.id == "application" }?.pages == 3)
            #expect(listing.materials.first { $0.id == "household-register" }?.pages == 0)

            // Thumbnail and image; the image is the stored file, its SHA-256 its address.
            let page = listing.captures[0]
            DefaultTokens.set(clerk, for: client.port)
            let (thumbStatus, thumbType, thumb) = try await client.bytes(page.thumbnailURL)
            #expect(thumbStatus == .ok && thumbType == "image/png")
            let (thumbWidth, thumbHeight) = try Self.pngSize(thumb)
            #expect(max(thumbWidth, thumbHeight) <= 320 && thumbWidth > 0)
            let (imageStatus, imageType, image) = try await client.bytes(page.imageURL)
            #expect(imageStatus == .ok && imageType == "image/png" && image.count == page.size)
            #expect(try Self.pngSize(image) == (page.width, page.height))
            let file = hall.folder.appendingPathComponent("captures/\(page.sha256.prefix(2))/\(page.sha256.dropFirst(2)).png")
            #expect(try CaptureTestHall.run("sha256sum", [file.path]).hasPrefix(page.sha256))

            // A wrong page goes; the pages after it move up.
            let second = listing.captures[2], third = listing.captures[3]
            let (deleteStatus, deleteBody) = try await client.send(.delete, "/api/cases/\(id)/captures/\(second.id)", token: clerk)
            #expect(deleteStatus == .ok, "\(deleteBody)")
            let after = try await client.decode(CaptureListing.self, .get, "/api/cases/\(id)/captures", token: clerk)
            #expect(after.captures.count == 3)
            #expect(after.captures.first { $0.id == third.id }?.page == 2)
            #expect(!after.captures.contains { $0.id == second.id })

            // One PDF of the case, an A4 page per image.
            let (pdfStatus, pdfType, pdf) = try await client.bytes(after.pdfURL)
            #expect(pdfStatus == .ok && pdfType == "application/pdf")
            let pdfFile = hall.folder.appendingPathComponent("export.pdf")
            try pdf.write(to: pdfFile)
            let pages = try CaptureTestHall.run("pdfinfo", [pdfFile.path]).split(separator: "\n").first { $0.hasPrefix("Pages:") }
            #expect(pages.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) } == "3")
            let images = try CaptureTestHall.run("pdfimages", ["-list", pdfFile.path]).split(separator: "\n").dropFirst(2)
            #expect(images.count == 3)
            #expect(
                images.map { $0.split(separator: " ", omittingEmptySubsequences: true)[3] }
                    == after.captures.map { Substring(String($0.width)) })

            // Events for consoles, without personal data; and the device state.
            let types = hall.events.types
            #expect(types.filter { $0 == .caseCaptureAdded }.count == 2 && types.contains(.caseCaptureRemoved))
            let added = try #require(hall.events.all.last { $0.type == .caseCaptureAdded })
            #expect(added.data?["materialID"] == "application" && added.data?["pages"] == "3" && added.window == 1)
            #expect(added.actor == "li.clerk")
            #expect(!(try HallJSON.string(added)).contains("张三丰"))
            let (_, devices) = try await client.send(.get, "/api/devices")
            #expect(devices.contains(#""scanner-window-1""#) && devices.contains(#""device":"test:0""#), "\(devices)")
            let (_, health) = try await client.send(.get, "/healthz")
            #expect(health.contains("scanner-window-1"))
            #expect(!CaptureTestHall.captureFiles(hall).contains { $0.contains(".tmp-") })
        }
    }

    @Test("a department reviewer reads the pages of cases routed to their own department only")
    func reviewerReadsRoutedCases() async throws {
        let hall = try CaptureTestHall.make()
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            let id = try await openCase(client, token: clerk)
            let (captured, body) = try await client.send(.post, "/api/cases/\(id)/captures", #"{"material":"id-card"}"#, token: clerk)
            #expect(captured == .created, "\(body)")
            let civil = try await client.staffToken("wu.civil", roles: [.reviewer], department: "civil-affairs")
            let farming = try await client.staffToken("he.farm", roles: [.reviewer], department: "agriculture")

            // Not routed yet (still in pre-review): no department sees it.
            let (early, earlyBody) = try await client.send(.get, "/api/cases/\(id)/captures", token: civil)
            #expect(try early == .forbidden && errorBody(earlyBody).error == "case_not_routed_to_department")

            // Accepted: routed at once to every department of the item, which now reads the pages.
            let materials = try #require(try await hall.server.intake.service.catalog().items.first { $0.id == CaptureTestHall.item }).materials
            let (accepted, acceptedBody) = try await client.send(
                .post, "/api/cases/\(id)/pre-review",
                IntakeTestHall.received(materials.map(\.id)), token: clerk)
            #expect(accepted == .ok, "\(acceptedBody)")
            let listing = try await client.decode(CaptureListing.self, .get, "/api/cases/\(id)/captures", token: civil)
            #expect(listing.captures.map(\.material) == ["id-card"])
            DefaultTokens.set(civil, for: client.port)
            let (thumbStatus, thumbType, _) = try await client.bytes(listing.captures[0].thumbnailURL)
            #expect(thumbStatus == .ok && thumbType == "image/png")
            #expect(try await client.send(.get, "/api/cases/\(id)/captures.pdf", token: civil).0 == .ok)

            // A department not on the item reads nothing of it.
            let (other, otherBody) = try await client.send(.get, "/api/cases/\(id)/captures", token: farming)
            #expect(try other == .forbidden && errorBody(otherBody).error == "case_not_routed_to_department")
            #expect(try errorBody(otherBody).message.contains("未分送“镇农牧业综合服务中心”审核"), "the department by its name: \(otherBody)")
            DefaultTokens.set(farming, for: client.port)
            #expect(try await client.bytes(listing.captures[0].imageURL).0 == .forbidden)
        }
    }

    @Test("a capture needs an open case, a checklist material, sensible settings and the right role")
    func refusals() async throws {
        let hall = try CaptureTestHall.make()
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            let id = try await openCase(client, token: clerk)
            func post(_ json: String, to caseRef: String = String(id), token: String? = nil) async throws -> (HTTPResponse.Status, ErrorBody?) {
                let (status, body) = try await client.send(.post, "/api/cases/\(caseRef)/captures", json, token: token ?? clerk)
                return (status, try? errorBody(body))
            }
            var (status, error) = try await post(#"{"material":"id-card"}"#, to: "99999")
            #expect(status == .notFound && error?.error == "unknown_case")
            (status, error) = try await post(#"{"material":"passport"}"#)
            #expect(status == .badRequest && error?.error == "capture_unknown_material")
            #expect(error?.message.contains("残疾人两项补贴") == true, "\(String(describing: error))")
            (status, error) = try await post(#"{"material":"application","pages":3}"#)
            #expect(status == .badRequest && error?.error == "capture_pages_need_adf")
            (status, error) = try await post(#"{"material":"application","resolution":10}"#)
            #expect(status == .badRequest && error?.error == "invalid_parameter")
            (status, error) = try await post(#"{"material":"application","source":"tray"}"#)
            #expect(status == .badRequest && error?.error == "malformed_json")
            (status, error) = try await post(#"{"material":"id-card","window":7}"#)
            #expect(status == .serviceUnavailable && error?.error == "scanner_not_at_window" && error?.message.contains("7号窗口") == true)

            // Who may: no credentials 401; a reviewer never captures, and one without a department
            // reads nothing (reviewers read the pages of cases routed to them: see the test below).
            let (anonymous, _) = try await client.send(.post, "/api/cases/\(id)/captures", #"{"material":"id-card"}"#, token: "")
            #expect(anonymous == .unauthorized)
            let reviewer = try await client.staffToken("zhao.reviewer", roles: [.reviewer])
            (status, error) = try await post(#"{"material":"id-card"}"#, token: reviewer)
            #expect(status == .forbidden)
            #expect(try await client.send(.get, "/api/cases/\(id)/captures", token: reviewer).0 == .forbidden)
            #expect(try await client.send(.get, "/api/cases/\(id)/captures", token: "").0 == .unauthorized)

            // Nothing to export yet; an unknown page.
            let (none, noneBody) = try await client.send(.get, "/api/cases/\(id)/captures.pdf", token: clerk)
            #expect(try none == .notFound && errorBody(noneBody).error == "capture_none")
            let (unknown, unknownBody) = try await client.send(.delete, "/api/cases/\(id)/captures/\(UUID().uuidString)", token: clerk)
            #expect(try unknown == .notFound && errorBody(unknownBody).error == "capture_not_found")

            // A withdrawn case's file is final.
            _ = try await hall.server.intake.service.withdraw(caseID: id, reason: "申请人撤回", clerk: "li.clerk")
            (status, error) = try await post(#"{"material":"id-card"}"#)
            #expect(status == .conflict && error?.error == "capture_case_finished")
            #expect(hall.events.types.filter { $0 == .caseCaptureAdded }.isEmpty)
        }
    }

    @Test("no device, feeder empty, jam, two captures at once, timeout mid-feed: clear errors, nothing stored")
    func deviceFaults() async throws {
        let hall = try CaptureTestHall.make()
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            let id = try await openCase(client, token: clerk)
            func capture(window: Int, _ extra: String = "") async throws -> (HTTPResponse.Status, String) {
                try await client.send(.post, "/api/cases/\(id)/captures", #"{"material":"application","window":\#(window)\#(extra)}"#, token: clerk)
            }
            func expectError(_ answer: (HTTPResponse.Status, String), _ code: String, _ text: String) throws {
                #expect(answer.0 == .serviceUnavailable, "\(answer.1)")
                let body = try errorBody(answer.1)
                #expect(body.error == code && body.message.contains(text), "\(body)")
            }
            try expectError(try await capture(window: 5), "scanner_no_device", "未检测到高拍仪/扫描仪")
            try expectError(try await capture(window: 4), "scanner_feeder_empty", "ADF 无纸")
            try expectError(try await capture(window: 6), "scanner_jammed", "卡纸")

            // Two captures at once on one scanner (two connections: the test client has one): one
            // scans, the other is told the scanner is busy.
            let port = try #require(client.port)
            async let first = Self.post(port: port, "/api/cases/\(id)/captures", #"{"material":"application","window":2}"#, token: clerk)
            try await Task.sleep(for: .milliseconds(500))
            let second = try await capture(window: 2)
            try expectError(second, "scanner_busy", "正忙")
            #expect(try await first.0 == 201)

            // The feeder delivers pages slowly; the limit hits during the third sheet: no page is kept.
            let started = ContinuousClock.now
            try expectError(try await capture(window: 3), "scanner_timeout", "采集超时")
            #expect(ContinuousClock.now - started >= .seconds(1))

            let listing = try await client.decode(CaptureListing.self, .get, "/api/cases/\(id)/captures", token: clerk)
            #expect(listing.captures.count == 1, "only the busy test's good capture")
            #expect(CaptureTestHall.captureFiles(hall).count == 2, "its image and thumbnail, nothing else")
            #expect(try await hall.server.captures.sweepOrphans().isEmpty)

            // The console sees each scanner's state and last fault.
            let (_, scanners) = try await client.send(.get, "/api/scanners")
            let statuses = try JSONSerialization.jsonObject(with: Data(scanners.utf8)) as? [[String: Any]] ?? []
            let byWindow = Dictionary(uniqueKeysWithValues: statuses.map { ($0["window"] as? Int ?? 0, $0) })
            #expect(byWindow[5]?["state"] as? String == "absent")
            #expect(byWindow[4]?["lastError"] as? String == "scanner_feeder_empty")
            #expect(byWindow[3]?["lastError"] as? String == "scanner_timeout")
            #expect(byWindow[1]?["profileName"] as? String != nil)
            let (_, health) = try await client.send(.get, "/healthz")
            #expect(health.contains(#""status":"degraded""#) && health.contains("未连接"), "window 5's scanner is missing")
        }
    }

    @Test("what a crash leaves under captures/ is swept; the hall without scanners refuses captures")
    func sweepAndNoScanners() async throws {
        let hall = try CaptureTestHall.make()
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            let id = try await openCase(client, token: clerk)
            #expect(try await client.send(.post, "/api/cases/\(id)/captures", #"{"material":"photo"}"#, token: clerk).0 == .created)
            let kept = CaptureTestHall.captureFiles(hall)
            let folder = hall.folder.appendingPathComponent("captures/ab")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in [".tmp-8F2C", String(repeating: "c", count: 62) + ".png", String(repeating: "c", count: 62) + ".thumb.png"] {
                try Data("half".utf8).write(to: folder.appendingPathComponent(name))
            }
            let swept = try await hall.server.captures.sweepOrphans()
            #expect(swept.count == 3)
            #expect(CaptureTestHall.captureFiles(hall) == kept)
        }

        let plain = try IntakeTestHall(at: CaptureTestHall.day)
        defer { plain.remove() }
        try await plain.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            let id = try await openCase(client, token: clerk)
            let (status, body) = try await client.send(.post, "/api/cases/\(id)/captures", #"{"material":"photo"}"#, token: clerk)
            #expect(try status == .serviceUnavailable && errorBody(body).error == "scanner_not_configured")
            #expect(try await client.send(.get, "/api/scanners").1 == "[]")
        }
    }

    @Test("the devices' background work re-detects the scanners without a capture")
    func monitoring() async throws {
        let hall = try CaptureTestHall.make()
        defer { hall.remove() }
        let background = Task { await hall.server.devices.run() }
        defer { background.cancel() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            var states: [Int: String] = [:]
            for _ in 0..<100 {
                let (_, body) = try await client.send(.get, "/api/scanners")
                let list = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]] ?? []
                states = Dictionary(uniqueKeysWithValues: list.map { ($0["window"] as? Int ?? 0, $0["state"] as? String ?? "") })
                if states[1] == "ready" && states[5] == "absent" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(states == [1: "ready", 2: "ready", 3: "ready", 4: "ready", 5: "absent", 6: "ready"])
        }
    }

    @Test("a station with an unknown profile or window stops the hall at start with the key's name")
    func badStations() throws {
        for (station, key) in [
            (HardwareConfiguration.ScannerStation(window: 1, profile: "no-such-scanner"), "hardware.scanners.stations.0.profile"),
            (HardwareConfiguration.ScannerStation(window: 42), "hardware.scanners.stations.0.window"),
            (HardwareConfiguration.ScannerStation(window: 1, profile: "uvc-document-camera-1080p"), "hardware.scanners.stations.0.profile"),
        ] {
            do {
                let hall = try IntakeTestHall(at: CaptureTestHall.day) {
                    $0.devicesDirectory = PackagePaths.url("devices").path
                    $0.hardware.scanners = .init(transport: .emulator, stations: [station], saneConfigDirectory: CaptureTestHall.saneConfig)
                }
                hall.remove()
                Issue.record("\(station) was accepted")
            } catch let error as ConfigurationError {
                #expect("\(error)".contains("'\(key)'"), "\(error)")
            }
        }
    }

    /// A POST on a connection of its own.
    static func post(port: Int, _ path: String, _ json: String, token: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) throws -> (Int, Int) {
        let bytes = [UInt8](data.prefix(24))
        try #require(bytes.count == 24 && bytes[1] == 0x50 && bytes[12...15] == [0x49, 0x48, 0x44, 0x52])
        func be32(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
