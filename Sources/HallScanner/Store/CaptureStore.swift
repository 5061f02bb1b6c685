import Foundation
import HallCore

#if canImport(Glibc)
    import Glibc
#endif

/// Content-addressed storage of captured pages under `<root>/captures/ab/cdef….png`, with a
/// thumbnail `….thumb.png` beside each file, size limits, and PDF export.
///
/// Files are written through a temporary file, `fsync` and `rename`, so a crash leaves either the
/// whole file or nothing. `store` checks every limit before writing anything, registers the records
/// only once every file is on disk, and removes what it wrote when the index refuses the records.
/// Steps that create or delete files run one at a time in the process (`CaptureGate`).
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
    public func store(
        _ pages: [ScannedPage], caseID: String, materialID: String, profileID: String,
        preferredMime: String = "image/png", index: any CaptureIndex,
        now: Date = Date()
    ) async throws(CaptureStoreError) -> [CaptureRecord] {
        var prepared: [PreparedPage] = []
        for page in pages {
            do {
                prepared.append(
                    try PreparedPage(
                        page, preferredMime: preferredMime,
                        thumbnailMaxSide: Self.thumbnailMaxSide))
            } catch {
                throw .image(error)
            }
        }
        return try await store(
            prepared, caseID: caseID, materialID: materialID, profileID: profileID,
            index: index, now: now)
    }

    /// Stores already prepared pages (see `store(_:caseID:materialID:profileID:preferredMime:index:now:)`).
    public func store(
        _ prepared: [PreparedPage], caseID: String, materialID: String, profileID: String,
        index: any CaptureIndex, now: Date = Date()
    ) async throws(CaptureStoreError) -> [CaptureRecord] {
        for page in prepared where page.file.count > limits.maxFileBytes {
            throw .fileTooLarge(size: page.file.count, limit: limits.maxFileBytes)
        }
        let store = self
        return try await CaptureGate.shared.run { () async throws(CaptureStoreError) -> [CaptureRecord] in
            try await store.write(prepared, caseID: caseID, materialID: materialID, profileID: profileID, index: index, now: now)
        }
    }

    /// Removes the page `id` of case `caseID` from the index (the later pages of its material move up)
    /// and deletes its file and thumbnail when no other page points at the same bytes.
    /// Returns the removed record, nil when there is no such page.
    public func delete(id: UUID, caseID: String, index: any CaptureIndex) async throws(CaptureStoreError) -> CaptureRecord? {
        let store = self
        return try await CaptureGate.shared.run { () async throws(CaptureStoreError) -> CaptureRecord? in
            let removed: CaptureRecord?
            let remaining: Int
            do {
                removed = try await index.remove(id: id, caseID: caseID)
                guard let removed else { return nil }
                remaining = try await index.references(sha256: removed.sha256)
            } catch {
                throw .indexFailure(error)
            }
            if let removed, remaining == 0 {
                store.remove([store.fileURL(sha256: removed.sha256, mime: removed.mime), store.thumbnailURL(sha256: removed.sha256)])
            }
            return removed
        }
    }

    /// Removes what an interrupted process may have left under `captures/`: temporary files of
    /// writes cut short, and page files and thumbnails that no record points at (written, but the
    /// process died before the index committed). Runs gated, so it never touches a capture in
    /// progress. Returns the removed paths, relative to `captures/`.
    @discardableResult
    public func sweep(index: any CaptureIndex) async throws(CaptureStoreError) -> [String] {
        let base = root.appendingPathComponent("captures")
        return try await CaptureGate.shared.run { () async throws(CaptureStoreError) -> [String] in
            var removed: [String] = []
            let directories = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
            for directory in directories.sorted() where directory.count == 2 {
                let folder = base.appendingPathComponent(directory)
                for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                    let hash = directory + (name.split(separator: ".").first.map(String.init) ?? "")
                    var orphan = name.hasPrefix(".tmp-")
                    if !orphan {
                        do {
                            orphan = try await index.references(sha256: hash) == 0
                        } catch {
                            throw .indexFailure(error)
                        }
                    }
                    if orphan {
                        unlink(folder.appendingPathComponent(name).path)
                        removed.append("\(directory)/\(name)")
                    }
                }
            }
            return removed
        }
    }

    /// The gated part of `store`: limits against the index, files, then the index.
    private func write(
        _ prepared: [PreparedPage], caseID: String, materialID: String, profileID: String,
        index: any CaptureIndex, now: Date
    ) async throws(CaptureStoreError) -> [CaptureRecord] {
        let existing: [CaptureRecord]
        do {
            existing = try await index.records(caseID: caseID)
        } catch {
            throw .indexFailure(error)
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
        // Page numbers are assigned by the index, inside its transaction.
        let records = prepared.map { page in
            CaptureRecord(
                caseID: caseID, materialID: materialID, pageNumber: 0, sha256: page.sha256, size: page.file.count,
                mime: page.mime, width: page.width, height: page.height, profileID: profileID, createdAt: now)
        }
        do {
            return try await index.add(records)
        } catch {
            remove(written)
            throw .indexFailure(error)
        }
    }

    /// The stored file of `record`, verified against its hash.
    public func data(for record: CaptureRecord) throws(CaptureStoreError) -> Data {
        guard let data = FileManager.default.contents(atPath: fileURL(sha256: record.sha256, mime: record.mime).path),
            ContentHash.sha256(data) == record.sha256
        else { throw .missing(record.sha256) }
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
