import CSane

/// Sets options of an open SANE device by name, respecting each option's type and constraint.
///
/// Must only be used on the libsane queue.
struct SaneOptionWriter {
    let handle: SANE_Handle
    var table: SaneOptionTable

    init(handle: SANE_Handle) {
        self.handle = handle
        table = SaneOptionTable(handle: handle)
    }

    /// Whether the device has an active option `name`.
    func has(_ name: String) -> Bool { table.active(name) != nil }

    /// Whether the device has an option `name` that is currently inactive.
    func isInactive(_ name: String) -> Bool {
        guard let entry = table.entries[name] else { return false }
        return !entry.isActive
    }

    /// The allowed strings of option `name` (empty when it is not a string list).
    func choices(_ name: String) -> [String] { table.active(name)?.stringList ?? [] }

    /// Sets a numeric option (SANE_TYPE_INT or SANE_TYPE_FIXED) to the allowed value nearest to
    /// `value`; returns the value the device actually holds afterwards (it may differ when the
    /// backend answers SANE_INFO_INEXACT).
    @discardableResult
    mutating func setNumber(_ name: String, _ value: Double) throws(ScannerError) -> Double {
        guard let entry = try settable(name) else { throw .unsupported(name) }
        let isFixed = entry.descriptor.type == SANE_TYPE_FIXED
        guard isFixed || entry.descriptor.type == SANE_TYPE_INT else { throw .unsupported(name) }
        var word = SaneNumber.nearestAllowed(SaneNumber.word(value, fixed: isFixed), entry: entry)
        let info = try control(entry, &word)
        if info & SANE_INFO_INEXACT != 0 {
            _ = sane_control_option(handle, entry.index, SANE_ACTION_GET_VALUE, &word, nil)
        }
        return SaneNumber.value(word, fixed: isFixed)
    }

    /// Sets a string-list option to the first allowed value matching one of `candidates`
    /// (case-insensitive; exact match first, then prefix/containment). Returns the value set.
    @discardableResult
    mutating func setString(_ name: String, candidates: [String]) throws(ScannerError) -> String {
        guard let entry = try settable(name), entry.descriptor.type == SANE_TYPE_STRING else {
            throw .unsupported(name)
        }
        guard let chosen = SaneChoice.pick(candidates, from: entry.stringList) else {
            throw .unsupported("\(name)=\(candidates.first ?? "")")
        }
        var buffer = [CChar](repeating: 0, count: max(Int(entry.descriptor.size), chosen.utf8.count + 1))
        for (offset, byte) in chosen.utf8.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
        _ = try control(entry, &buffer)
        return chosen
    }

    /// Sets an option from text, as a profile gives it: booleans (`yes`/`no`), numbers, strings.
    mutating func setText(_ name: String, _ text: String) throws(ScannerError) {
        guard let entry = try settable(name) else { throw .unsupported(name) }
        switch entry.descriptor.type {
        case SANE_TYPE_BOOL:
            var word: SANE_Word = ["yes", "true", "1", "on"].contains(text.lowercased()) ? SANE_TRUE : SANE_FALSE
            _ = try control(entry, &word)
        case SANE_TYPE_INT, SANE_TYPE_FIXED:
            guard let number = Double(text) else { throw .unsupported("\(name)=\(text)") }
            try setNumber(name, number)
        case SANE_TYPE_STRING:
            try setString(name, candidates: [text])
        default:
            throw .unsupported(name)
        }
    }

    /// The active, soft-settable entry for `name`; nil when the device has no such active option.
    private func settable(_ name: String) throws(ScannerError) -> SaneOptionTable.Entry? {
        guard let entry = table.active(name) else { return nil }
        guard entry.isSettable else { throw .unsupported(name) }
        return entry
    }

    /// `sane_control_option(SET_VALUE)`; reloads the table when the backend asks to.
    private mutating func control<T>(_ entry: SaneOptionTable.Entry, _ value: inout T) throws(ScannerError) -> SANE_Int {
        var info: SANE_Int = 0
        let status = withUnsafeMutablePointer(to: &value) { pointer in
            sane_control_option(handle, entry.index, SANE_ACTION_SET_VALUE, pointer, &info)
        }
        guard status == SANE_STATUS_GOOD else {
            if status == SANE_STATUS_INVAL { throw .unsupported(entry.name) }
            throw SaneStatusMapping.error(for: status)
        }
        if info & SANE_INFO_RELOAD_OPTIONS != 0 { table.reload(handle: handle) }
        return info
    }

    private mutating func control(_ entry: SaneOptionTable.Entry, _ buffer: inout [CChar]) throws(ScannerError) -> SANE_Int {
        var info: SANE_Int = 0
        let status = buffer.withUnsafeMutableBufferPointer { pointer in
            sane_control_option(handle, entry.index, SANE_ACTION_SET_VALUE, pointer.baseAddress, &info)
        }
        guard status == SANE_STATUS_GOOD else {
            if status == SANE_STATUS_INVAL { throw .unsupported(entry.name) }
            throw SaneStatusMapping.error(for: status)
        }
        if info & SANE_INFO_RELOAD_OPTIONS != 0 { table.reload(handle: handle) }
        return info
    }
}
