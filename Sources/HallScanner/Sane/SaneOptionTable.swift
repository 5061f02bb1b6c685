import CSane

/// The options of an open SANE device, found by name.
///
/// Must only be used on the libsane queue. Rebuilt after a set reports `SANE_INFO_RELOAD_OPTIONS`.
struct SaneOptionTable {
    /// One option descriptor with its index.
    struct Entry {
        let index: SANE_Int
        let descriptor: SANE_Option_Descriptor

        var name: String { descriptor.name.map { String(cString: $0) } ?? "" }
        var isActive: Bool { descriptor.cap & SANE_CAP_INACTIVE == 0 }
        var isSettable: Bool { descriptor.cap & SANE_CAP_SOFT_SELECT != 0 }

        /// The allowed strings of a string-list constraint.
        var stringList: [String] {
            guard descriptor.constraint_type == SANE_CONSTRAINT_STRING_LIST,
                var cursor = descriptor.constraint.string_list
            else { return [] }
            var values: [String] = []
            while let value = cursor.pointee {
                values.append(String(cString: value))
                cursor += 1
            }
            return values
        }

        /// The allowed words of a word-list constraint (first word is the count).
        var wordList: [SANE_Word] {
            guard descriptor.constraint_type == SANE_CONSTRAINT_WORD_LIST,
                let list = descriptor.constraint.word_list
            else { return [] }
            return (0..<Int(list[0])).map { list[$0 + 1] }
        }

        /// The range constraint, when there is one.
        var range: SANE_Range? {
            guard descriptor.constraint_type == SANE_CONSTRAINT_RANGE,
                let range = descriptor.constraint.range
            else { return nil }
            return range.pointee
        }
    }

    private(set) var entries: [String: Entry] = [:]

    /// Reads every descriptor of `handle`.
    init(handle: SANE_Handle) {
        reload(handle: handle)
    }

    /// Re-reads every descriptor (after `SANE_INFO_RELOAD_OPTIONS`).
    mutating func reload(handle: SANE_Handle) {
        entries = [:]
        var count: SANE_Int = 0
        guard sane_control_option(handle, 0, SANE_ACTION_GET_VALUE, &count, nil) == SANE_STATUS_GOOD else { return }
        for index in 1..<max(1, count) {
            guard let descriptor = sane_get_option_descriptor(handle, index)?.pointee else { continue }
            let entry = Entry(index: index, descriptor: descriptor)
            if !entry.name.isEmpty { entries[entry.name] = entry }
        }
    }

    /// The option called `name`, if the device has it and it is active.
    func active(_ name: String) -> Entry? {
        guard let entry = entries[name], entry.isActive else { return nil }
        return entry
    }
}
