import CCups

/// One libcups connection to a print destination, with the destination's capabilities.
/// Every call blocks; a session is used by one thread at a time and closed when done.
///
/// The sequence is the one seen working against ippeveprinter on this platform:
/// cupsGetDestWithURI / cupsGetNamedDest → cupsConnectDest → cupsCopyDestInfo →
/// cupsCreateDestJob → cupsStartDestDocument → cupsWriteRequestData → cupsFinishDestDocument,
/// then IPP Get-Job-Attributes on the same connection to follow the job.
final class CupsDestinationSession {
    let destination: PrintDestination
    private let dest: UnsafeMutablePointer<cups_dest_t>
    private let http: OpaquePointer
    private let info: OpaquePointer
    private let resource: String
    private let printerURI: String
    private var closed = false

    /// Looks the destination up and connects to it.
    ///
    /// An IPP URI is connected to directly (`CUPS_DEST_FLAGS_DEVICE`); a queue name goes through
    /// the CUPS scheduler (`CUPS_DEST_FLAGS_NONE`), which owns the queue and its filters.
    init(destination: PrintDestination, settings: PrintSettings) throws(PrintError) {
        self.destination = destination
        let dest = try Self.lookUp(destination)
        let flags: UInt32
        switch destination {
        case .ippURI: flags = UInt32(CUPS_DEST_FLAGS_DEVICE)
        case .queue: flags = UInt32(CUPS_DEST_FLAGS_NONE)
        }
        var resourceBuffer = [CChar](repeating: 0, count: 1024)
        guard
            let http = cupsConnectDest(
                dest, flags, Int32(settings.connectTimeout.milliseconds), nil,
                &resourceBuffer, resourceBuffer.count, nil, nil)
        else {
            let reason = Self.lastErrorText()
            cupsFreeDests(1, dest)
            throw .unreachable(destination: destination.description, reason: reason)
        }
        // A callback returning 0 makes a request that waits longer than the timeout fail instead
        // of waiting on (with no callback libcups keeps waiting).
        httpSetTimeout(http, settings.requestTimeout.secondsValue, { _, _ in 0 }, nil)
        guard let info = cupsCopyDestInfo(http, dest) else {
            let error = Self.classifyLastError(destination)
            httpClose(http)
            cupsFreeDests(1, dest)
            throw error
        }
        self.dest = dest
        self.http = http
        self.info = info
        resource = resourceBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        printerURI =
            Self.option("printer-uri-supported", of: dest)
            ?? { if case .ippURI(let uri) = destination { uri } else { "ipp://localhost/printers/\(destination)" } }()
    }

    deinit {
        close()
    }

    /// Creates a job, sends `data` as its one document and closes it. Returns the job id.
    func submit(_ data: [UInt8], format: DocumentFormat, title: String) throws(PrintError) -> Int {
        var jobID: Int32 = 0
        let created = cupsCreateDestJob(http, dest, info, &jobID, title, 0, nil)
        guard Self.isSuccess(created), jobID > 0 else { throw Self.classifyLastError(destination) }

        let started = cupsStartDestDocument(http, dest, info, jobID, title, format.rawValue, 0, nil, 1)
        guard started == HTTP_STATUS_CONTINUE else {
            let error = Self.classifyLastError(destination)
            cancel(jobID: Int(jobID))
            throw error
        }
        var offset = 0
        let chunk = 64 * 1024
        while offset < data.count {
            let end = min(offset + chunk, data.count)
            let written = data[offset..<end].withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cupsWriteRequestData(http, $0, buffer.count)
                }
            }
            guard written == HTTP_STATUS_CONTINUE else {
                let reason = Self.lastErrorText()
                _ = cupsFinishDestDocument(http, dest, info)
                cancel(jobID: Int(jobID))
                throw .unreachable(destination: destination.description, reason: "write failed: \(reason)")
            }
            offset = end
        }
        let finished = cupsFinishDestDocument(http, dest, info)
        guard Self.isSuccess(finished) else { throw Self.classifyLastError(destination) }
        return Int(jobID)
    }

    /// Asks the printer for the job's `job-state`, `job-state-reasons` and `job-state-message`.
    func status(jobID: Int) throws(PrintError) -> CupsJobStatus {
        guard let request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES) else {
            throw .unreachable(destination: destination.description, reason: "ippNewRequest failed")
        }
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, printerURI)
        ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(jobID))
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        // cupsDoRequest frees the request.
        guard let response = cupsDoRequest(http, request, resource) else {
            throw .unreachable(destination: destination.description, reason: Self.lastErrorText())
        }
        defer { ippDelete(response) }
        guard Self.isSuccess(ippGetStatusCode(response)) else { throw Self.classifyLastError(destination) }
        guard let stateAttribute = ippFindAttribute(response, "job-state", IPP_TAG_ENUM),
            let state = PrintJobState(rawValue: ippGetInteger(stateAttribute, 0))
        else {
            throw .refused(destination: destination.description, reason: "no job-state for job \(jobID)")
        }
        var reasons: [String] = []
        if let attribute = ippFindAttribute(response, "job-state-reasons", IPP_TAG_KEYWORD) {
            for index in 0..<ippGetCount(attribute) {
                if let text = ippGetString(attribute, index, nil) { reasons.append(String(cString: text)) }
            }
        }
        let message = ippFindAttribute(response, "job-state-message", IPP_TAG_TEXT)
            .flatMap { ippGetString($0, 0, nil) }
            .map { String(cString: $0) }
        return CupsJobStatus(state: state, reasons: reasons, message: message)
    }

    /// Cancels the job; best effort (the job may already be finished).
    func cancel(jobID: Int) {
        _ = cupsCancelDestJob(http, dest, Int32(jobID))
    }

    /// Releases the connection and the destination. Safe to call twice.
    func close() {
        guard !closed else { return }
        closed = true
        cupsFreeDestInfo(info)
        httpClose(http)
        cupsFreeDests(1, dest)
    }

    // MARK: libcups helpers

    private static func lookUp(_ destination: PrintDestination) throws(PrintError) -> UnsafeMutablePointer<cups_dest_t> {
        switch destination {
        case .ippURI(let uri):
            guard uri.hasPrefix("ipp://") || uri.hasPrefix("ipps://"),
                let dest = cupsGetDestWithURI(nil, uri)
            else { throw .invalidDestination(uri) }
            return dest
        case .queue(let name):
            guard !name.isEmpty else { throw .invalidDestination(name) }
            // CUPS_HTTP_DEFAULT (nil): the scheduler of this machine (or CUPS_SERVER).
            guard let dest = cupsGetNamedDest(nil, name, nil) else {
                let status = cupsLastError()
                if status == IPP_STATUS_ERROR_NOT_FOUND || Self.isSuccess(status) { throw .queueNotFound(name) }
                throw .unreachable(destination: destination.description, reason: lastErrorText())
            }
            return dest
        }
    }

    private static func option(_ name: String, of dest: UnsafeMutablePointer<cups_dest_t>) -> String? {
        cupsGetOption(name, dest.pointee.num_options, dest.pointee.options).map { String(cString: $0) }
    }

    static func isSuccess(_ status: ipp_status_t) -> Bool {
        status.rawValue < 0x0100
    }

    static func lastErrorText() -> String {
        cupsLastErrorString().map { String(cString: $0) } ?? "unknown error"
    }

    /// Maps libcups' last error to unreachable (no answer) or refused (an IPP error answer).
    static func classifyLastError(_ destination: PrintDestination) -> PrintError {
        let status = cupsLastError()
        let reason = lastErrorText()
        switch status {
        case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE, IPP_STATUS_ERROR_INTERNAL, IPP_STATUS_ERROR_TIMEOUT:
            return .unreachable(destination: destination.description, reason: reason)
        default:
            return .refused(destination: destination.description, reason: reason)
        }
    }
}
