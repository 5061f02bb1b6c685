import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Content-addressed storage of captured pages under `<root>/captures/ab/cdef….png`, with a
/// thumbnail `….thumb.png` beside each file, size limits, and PDF export.
///
/// Files are written through a temporary file, `fsync` and `rename`, so a crash leaves either the
/// whole file or nothing. `store` checks every limit before writing anything and removes what it
/// wrote when the index refuses the records.
public struct CaptureStore: Sendable {
    /// Largest side of a thumbnail, in pixels.
    public static let thumbnailMaxSide = 320

    /// The state directory that holds `captures/`.
    public let root: URL
    /// Size limits.
    public let limits: CaptureLimits

    /// Creates a store under `root`.
    public init(root: URL, limits: CaptureLimits = CaptureLimits()) {
        self.root = root
        self.limits = limits
    }

    /// Where the file with `sha256` and `mime` lives.
    public func fileURL(sha256: String, mime: String) -> URL {
        directory(sha256).appendingPathComponent(String(sha256.dropFirst(2)) + (mime == "image/jpeg" ? ".jpg" : ".png"))
    }

    /// Where the thumbnail of the file with `sha256` lives.
    public func thumbnailURL(sha256: String) -> URL {
        directory(sha256).appendingPathComponent(String(sha256.dropFirst(2)) + ".thumb.png")
    }

    /// Encodes, checks limits, writes files and registers records for the pages of one material.
    /// Page numbers continue after the material's existing pages.
    public func store(_ pages: [ScannedPage], caseID: String, materialID: String, profileID: String,
                      preferredMime: String = "image/png", index: any CaptureIndex,
                      now: Date = Date()) async throws(CaptureStoreError) -> [CaptureRecord] {
        var prepared: [PreparedPage] = []
        for page in pages {
            do {
                prepared.append(try PreparedPage(page, preferredMime: preferredMime,
                                                 thumbnailMaxSide: Self.thumbnailMaxSide))
            } catch {
                throw .image(error)
            }
        }
        return try await store(prepared, caseID: caseID, materialID: materialID, profileID: profileID,
                               index: index, now: now)
    }

    /// Stores already prepared pages (see `store(_:caseID:materialID:profileID:preferredMime:index:now:)`).
    public func store(_ prepared: [PreparedPage], caseID: String, materialID: String, profileID: String,
                      index: any CaptureIndex, now: Date = Date()) async throws(CaptureStoreError) -> [CaptureRecord] {
        for page in prepared where page.file.count > limits.maxFileBytes {
            throw .fileTooLarge(size: page.file.count, limit: limits.maxFileBytes)
        }
        let existing: [CaptureRecord]
        do {
            existing = try await index.records(caseID: caseID)
        } catch {
            throw .index("\(error)")
        }
        let total = existing.reduce(0) { $0 + $1.size } + prepared.reduce(0) { $0 + $1.file.count }
        guard total <= limits.maxCaseBytes else { throw .caseTooLarge(size: total, limit: limits.maxCaseBytes) }

        var written: [URL] = []
        do {
            for page in prepared {
                written += try writeIfAbsent(page.file, to: fileURL(sha256: page.sha256, mime: page.mime))
                written += try writeIfAbsent(page.thumbnail, to: thumbnailURL(sha256: page.sha256))
            }
        } catch {
            remove(written)
            throw error
        }
        let firstPage = (existing.filter { $0.materialID == materialID }.map(\.pageNumber).max() ?? 0) + 1
        let records = prepared.enumerated().map { offset, page in
            CaptureRecord(caseID: caseID, materialID: materialID, pageNumber: firstPage + offset,
                          sha256: page.sha256, size: page.file.count, mime: page.mime, width: page.width,
                          height: page.height, profileID: profileID, createdAt: now)
        }
        do {
            try await index.add(records)
        } catch {
            remove(written)
            throw .index("\(error)")
        }
        return records
    }

    /// The stored file of `record`, verified against its hash.
    public func data(for record: CaptureRecord) throws(CaptureStoreError) -> Data {
        guard let data = FileManager.default.contents(atPath: fileURL(sha256: record.sha256, mime: record.mime).path),
              ContentHash.sha256(data) == record.sha256 else { throw .missing(record.sha256) }
        return data
    }

    /// The thumbnail PNG of `record`.
    public func thumbnail(for record: CaptureRecord) throws(CaptureStoreError) -> Data {
        guard let data = FileManager.default.contents(atPath: thumbnailURL(sha256: record.sha256).path) else {
            throw .missing(record.sha256)
        }
        return data
    }

    /// One PDF of the given pages in order (material, then page number, as the caller sorts them):
    /// one image per A4 page, scaled to fit.
    public func exportPDF(_ records: [CaptureRecord]) throws(CaptureStoreError) -> Data {
        var inputs: [PDFAssembler.Input] = []
        for record in records {
            inputs.append(.init(data: try data(for: record), mime: record.mime))
        }
        do {
            return try PDFAssembler.assemble(inputs)
        } catch {
            throw .image(error)
        }
    }

    private func directory(_ sha256: String) -> URL {
        root.appendingPathComponent("captures").appendingPathComponent(String(sha256.prefix(2)))
    }

    /// Writes unless a file is already at `url` (same address, same bytes); returns what it wrote.
    private func writeIfAbsent(_ data: Data, to url: URL) throws(CaptureStoreError) -> [URL] {
        if FileManager.default.fileExists(atPath: url.path) { return [] }
        try AtomicFile.write(data, to: url)
        return [url]
    }

    private func remove(_ urls: [URL]) {
        for url in urls { unlink(url.path) }
    }
}
