import Foundation
import HallCore
import Testing

@testable import HallScanner

/// The capture store on a real directory, with pages scanned through libsane's `test` backend.
extension SaneBacked {
    @Suite struct CaptureStoreTests {
        init() throws { try TestSupport.useSaneFixture() }

        private func scan(_ options: ScanOptions) async throws -> [ScannedPage] {
            try await SaneScanner(device: "test:0").capture(options)
        }

        @Test func storesContentAddressedFilesWithThumbnails() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let store = CaptureStore(root: root)
            let index = InMemoryCaptureIndex()
            let pages = try await scan(ScanOptions(resolution: 150, colorMode: .color, extraOptions: ["test-picture": "Color pattern"]))
            let records = try await store.store(pages, caseID: "C-1", materialID: "id-card", profileID: "sane-test", index: index)
            let record = try #require(records.first)
            #expect(record.mime == "image/png" && record.pageNumber == 1 && record.caseID == "C-1")
            let file = store.fileURL(sha256: record.sha256, mime: record.mime)
            #expect(file.path.hasSuffix("captures/\(record.sha256.prefix(2))/\(record.sha256.dropFirst(2)).png"))
            // The address is the SHA-256 of the bytes, as coreutils computes it.
            let digest = try TestSupport.run("sha256sum", [file.path])
            #expect(String(decoding: digest.output, as: UTF8.self).hasPrefix(record.sha256))
            let png = try Data(contentsOf: file)
            #expect(record.size == png.count)
            #expect(try TestSupport.pngSize(png) == (pages[0].width, pages[0].height))
            // The thumbnail exists, is a PNG and fits in 320 px.
            let thumbnail = try TestSupport.pngSize(try store.thumbnail(for: record))
            #expect(max(thumbnail.width, thumbnail.height) == 320)
            #expect(thumbnail.width * pages[0].height / pages[0].width - thumbnail.height <= 1)
            #expect(await index.all == records)
            // Nothing temporary is left.
            #expect(TestSupport.files(under: root).allSatisfy { !$0.contains(".tmp-") })
        }

        @Test func identicalBytesAreStoredOnce() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let store = CaptureStore(root: root)
            let index = InMemoryCaptureIndex()
            let page = try await scan(ScanOptions(resolution: 50, colorMode: .gray, extraOptions: ["test-picture": "Grid"]))
            let first = try await store.store(page, caseID: "C-2", materialID: "form", profileID: "sane-test", index: index)
            let second = try await store.store(page, caseID: "C-2", materialID: "form", profileID: "sane-test", index: index)
            #expect(first[0].sha256 == second[0].sha256)
            #expect(second[0].pageNumber == 2)
            #expect(TestSupport.files(under: root).count == 2)  // one image + one thumbnail
            let other = try await scan(ScanOptions(resolution: 50, colorMode: .gray, extraOptions: ["test-picture": "Solid black"]))
            let third = try await store.store(other, caseID: "C-2", materialID: "form", profileID: "sane-test", index: index)
            #expect(third[0].sha256 != first[0].sha256)
            #expect(TestSupport.files(under: root).count == 4)
        }

        @Test func greyPagesRoundTripThroughPNG() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let store = CaptureStore(root: root)
            let page = try #require(try await scan(ScanOptions(resolution: 40, colorMode: .gray, extraOptions: ["test-picture": "Grid"])).first)
            let record = try #require(
                try await store.store([page], caseID: "C-3", materialID: "m", profileID: "p", index: InMemoryCaptureIndex()).first)
            // Decode the stored PNG again (cairo's PNG reader expands grey to RGB).
            let decoded = try CairoImage.fromPNG(try store.data(for: record))
            #expect(decoded.width == page.width && decoded.height == page.height)
            let bytes = [UInt8](page.bytes)
            var mismatches = 0
            decoded.withRows { row, pointer in
                pointer.withMemoryRebound(to: UInt32.self, capacity: page.width) { pixels in
                    for x in 0..<page.width where UInt8(pixels[x] & 0xFF) != bytes[row * page.width + x] { mismatches += 1 }
                }
            }
            #expect(mismatches == 0)
        }

        @Test func fileLimitRefusalLeavesNothingOnDisk() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let store = CaptureStore(root: root, limits: CaptureLimits(maxFileBytes: 1_000, maxCaseBytes: 1_000_000))
            let index = InMemoryCaptureIndex()
            let pages = try await scan(ScanOptions(resolution: 100, colorMode: .color, extraOptions: ["test-picture": "Color pattern"]))
            await #expect(throws: CaptureStoreError.self) {
                try await store.store(pages, caseID: "C-4", materialID: "m", profileID: "p", index: index)
            }
            do {
                _ = try await store.store(pages, caseID: "C-4", materialID: "m", profileID: "p", index: index)
            } catch {
                guard case .fileTooLarge(_, let limit) = error else { Issue.record("unexpected \(error)"); return }
                #expect(limit == 1_000)
                #expect(error.kind == .tooLarge)
            }
            #expect(TestSupport.files(under: root).isEmpty)
            #expect(await index.all.isEmpty)
        }

        @Test func caseLimitCountsEarlierPages() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let index = InMemoryCaptureIndex()
            let pages = try await scan(
                ScanOptions(resolution: 50, colorMode: .gray, source: .adf, maxPages: 2, extraOptions: ["test-picture": "Grid"]))
            let unlimited = CaptureStore(root: root)
            let first = try await unlimited.store([pages[0]], caseID: "C-5", materialID: "m", profileID: "p", index: index)
            let before = TestSupport.files(under: root)
            let limited = CaptureStore(root: root, limits: CaptureLimits(maxFileBytes: 1_000_000, maxCaseBytes: first[0].size + 10))
            let other = try await scan(ScanOptions(resolution: 50, colorMode: .color, extraOptions: ["test-picture": "Color pattern"]))
            await #expect(
                throws: CaptureStoreError.caseTooLarge(
                    size: first[0].size + (try PreparedPage(other[0], preferredMime: "image/png", thumbnailMaxSide: 320)).file.count,
                    limit: first[0].size + 10)
            ) {
                try await limited.store(other, caseID: "C-5", materialID: "m", profileID: "p", index: index)
            }
            #expect(TestSupport.files(under: root) == before)
            // Another case is not affected by C-5's pages.
            _ = try await limited.store([pages[1]], caseID: "C-6", materialID: "m", profileID: "p", index: index)
        }

        @Test func indexFailureRemovesWrittenFiles() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let pages = try await scan(ScanOptions(resolution: 50, colorMode: .gray))
            await #expect(throws: CaptureStoreError.self) {
                try await CaptureStore(root: root).store(pages, caseID: "C-7", materialID: "m", profileID: "p", index: RefusingIndex())
            }
            #expect(TestSupport.files(under: root).isEmpty)
        }

        @Test func exportsOnePDFPageperImage() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let store = CaptureStore(root: root)
            let index = InMemoryCaptureIndex()
            let adf = try await scan(ScanOptions(resolution: 75, colorMode: .gray, source: .adf, maxPages: 2, extraOptions: ["test-picture": "Grid"]))
            var records = try await store.store(adf, caseID: "C-8", materialID: "form", profileID: "sane-test", index: index)
            let photo = try await scan(ScanOptions(resolution: 60, colorMode: .color, extraOptions: ["test-picture": "Color pattern"]))
            records += try await store.store(
                photo, caseID: "C-8", materialID: "id-card", profileID: "sane-test",
                preferredMime: "image/jpeg", index: index)
            #expect(records.last?.mime == "image/jpeg")
            let pdfURL = root.appendingPathComponent("case.pdf")
            try store.exportPDF(records).write(to: pdfURL)
            let info = String(decoding: try TestSupport.run("pdfinfo", [pdfURL.path]).output, as: UTF8.self)
            #expect(try TestSupport.pdfPageCount(pdfURL) == 3)
            #expect(info.contains("595.276 x 841.89 pts (A4)"))
            let list = String(decoding: try TestSupport.run("pdfimages", ["-list", pdfURL.path]).output, as: UTF8.self)
            let rows = list.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            #expect(rows.count == 3)
            #expect(rows.map { Int($0[0]) } == [1, 2, 3])  // one image per page
            #expect(rows.map { "\($0[3])x\($0[4])" } == records.map { "\($0.width)x\($0.height)" })
            #expect(rows[2][8] == "jpeg")  // the JPEG page is embedded as is
        }
    }
}

/// A capture index whose database refuses every write.
private struct RefusingIndex: CaptureIndex {
    struct Refused: Error {}
    func records(caseID: String) async throws -> [CaptureRecord] { [] }
    func add(_ records: [CaptureRecord]) async throws -> [CaptureRecord] { throw Refused() }
    func remove(id: UUID, caseID: String) async throws -> CaptureRecord? { throw Refused() }
    func references(sha256: String) async throws -> Int { 0 }
}
