import CSane
import Foundation

/// One capture on the libsane queue: open, configure, scan every page, cancel and close.
///
/// Every libsane call of a capture, `sane_cancel` included, runs on the libsane queue: a stop
/// requested meanwhile (`SaneJob`) is noticed between two `sane_read`s, so a backend that blocks in
/// one read stops when that read returns. The backends' reader threads are cancelled deferred, not
/// asynchronously (`SaneReaderCancellation`).
enum SaneSession {
    /// Runs a whole capture. Must be called on the libsane queue.
    static func capture(device: String, options: ScanOptions, job: SaneJob) throws(ScannerError) -> [ScannedPage] {
        let handle = try open(device)
        defer {
            sane_cancel(handle)
            sane_close(handle)
        }
        var writer = SaneOptionWriter(handle: handle)
        let resolution = try configure(&writer, options)
        var pages: [ScannedPage] = []
        let limit = options.source == .adf ? options.maxPages : 1
        while pages.count < limit {
            if let reason = job.stopped { throw reason }
            let status = sane_start(handle)
            if status == SANE_STATUS_NO_DOCS, options.source == .adf, !pages.isEmpty { break }
            guard status == SANE_STATUS_GOOD else { throw job.stopped ?? SaneStatusMapping.error(for: status) }
            pages.append(try readImage(handle, job: job, resolution: resolution))
        }
        return pages
    }

    /// Opens `device`, or the first device when it is empty.
    private static func open(_ device: String) throws(ScannerError) -> SANE_Handle {
        var name = device
        if name.isEmpty {
            var list: UnsafeMutablePointer<UnsafePointer<SANE_Device>?>?
            guard sane_get_devices(&list, SANE_FALSE) == SANE_STATUS_GOOD,
                let first = list?[0]?.pointee.name
            else { throw .noDevice }
            name = String(cString: first)
        }
        var handle: SANE_Handle?
        let status = sane_open(name, &handle)
        switch status {
        case SANE_STATUS_GOOD:
            guard let handle else { throw .noDevice }
            return handle
        case SANE_STATUS_INVAL, SANE_STATUS_UNSUPPORTED:
            throw .noDevice
        default:
            throw SaneStatusMapping.error(for: status)
        }
    }

    /// Applies source, mode/depth, resolution and extra options; returns the resolution in use.
    private static func configure(_ writer: inout SaneOptionWriter, _ options: ScanOptions) throws(ScannerError) -> Int? {
        if writer.has("source") {
            try writer.setString("source", candidates: SaneChoice.sourceNames(options.source))
        } else if options.source == .adf {
            throw .unsupported("source=ADF")
        }
        try configureMode(&writer, options.colorMode)
        var resolution: Int?
        if writer.has("resolution") {
            resolution = Int(try writer.setNumber("resolution", Double(options.resolution)).rounded())
        } else if writer.has("x-resolution") {
            resolution = Int(try writer.setNumber("x-resolution", Double(options.resolution)).rounded())
            if writer.has("y-resolution") { try writer.setNumber("y-resolution", Double(options.resolution)) }
        }
        // An option may become active only once another is set (e.g. a duration after its switch):
        // options that are present but inactive are retried after the others.
        var pending = options.extraOptions.sorted { $0.key < $1.key }
        while !pending.isEmpty {
            let deferred = pending.filter { writer.isInactive($0.key) }
            guard deferred.count < pending.count else { throw .unsupported(deferred[0].key) }
            for (name, value) in pending where !writer.isInactive(name) {
                try writer.setText(name, value)
            }
            pending = deferred
        }
        return resolution
    }

    /// Sets `mode`; lineart falls back to Gray at depth 1 where the backend has no lineart mode.
    private static func configureMode(_ writer: inout SaneOptionWriter, _ mode: ColorMode) throws(ScannerError) {
        guard writer.has("mode") else {
            if mode == .color { throw .unsupported("mode=Color") }
            return
        }
        let lineartNative = SaneChoice.pick(SaneChoice.modeNames(.lineart), from: writer.choices("mode")) != nil
        if mode == .lineart, !lineartNative {
            try writer.setString("mode", candidates: SaneChoice.modeNames(.gray))
            guard writer.has("depth") else { throw .unsupported("mode=Lineart") }
            let depth = try writer.setNumber("depth", 1)
            guard depth == 1 else { throw .unsupported("mode=Lineart") }
            return
        }
        try writer.setString("mode", candidates: SaneChoice.modeNames(mode))
        if mode != .lineart, writer.has("depth") { try writer.setNumber("depth", 8) }
    }

    /// Reads every frame of one image (three for a three-pass scanner).
    private static func readImage(_ handle: SANE_Handle, job: SaneJob, resolution: Int?) throws(ScannerError) -> ScannedPage {
        var assembler = SaneFrameAssembler()
        var firstFrame = true
        while true {
            if !firstFrame {
                let status = sane_start(handle)
                guard status == SANE_STATUS_GOOD else { throw job.stopped ?? SaneStatusMapping.error(for: status) }
            }
            firstFrame = false
            var parameters = SANE_Parameters()
            let status = sane_get_parameters(handle, &parameters)
            guard status == SANE_STATUS_GOOD else { throw job.stopped ?? SaneStatusMapping.error(for: status) }
            let data = try readFrame(handle, job: job)
            // A stop that came during the last read: never keep a frame of an abandoned capture.
            if let reason = job.stopped { throw reason }
            if parameters.lines > 0, data.count < Int(parameters.bytes_per_line) * Int(parameters.lines) {
                throw .io("image truncated: \(data.count) of \(Int(parameters.bytes_per_line) * Int(parameters.lines)) bytes")
            }
            assembler.add(
                .init(
                    format: parameters.format, bytesPerLine: Int(parameters.bytes_per_line),
                    pixelsPerLine: Int(parameters.pixels_per_line), lines: Int(parameters.lines),
                    depth: Int(parameters.depth), data: data))
            if parameters.last_frame != SANE_FALSE { break }
        }
        return try assembler.page(resolution: resolution)
    }

    /// `sane_read` until EOF.
    private static func readFrame(_ handle: SANE_Handle, job: SaneJob) throws(ScannerError) -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var length: SANE_Int = 0
            let status = chunk.withUnsafeMutableBufferPointer { buffer in
                sane_read(handle, buffer.baseAddress, SANE_Int(buffer.count), &length)
            }
            if status == SANE_STATUS_EOF { return data }
            guard status == SANE_STATUS_GOOD else { throw job.stopped ?? SaneStatusMapping.error(for: status) }
            if length > 0 { data.append(contentsOf: chunk[0..<Int(length)]) }
            if let reason = job.stopped { throw reason }
        }
    }
}
