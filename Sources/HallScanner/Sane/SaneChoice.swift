/// Picks a value of a SANE string-list option from a list of wanted spellings.
enum SaneChoice {
    /// The first allowed value equal to a candidate (case-insensitive), else the first allowed value
    /// containing a candidate; nil when none fits.
    static func pick(_ candidates: [String], from allowed: [String]) -> String? {
        for candidate in candidates {
            if let hit = allowed.first(where: { $0.caseInsensitiveCompare(candidate) == .orderedSame }) { return hit }
        }
        for candidate in candidates {
            if let hit = allowed.first(where: { $0.lowercased().contains(candidate.lowercased()) }) { return hit }
        }
        return nil
    }

    /// Spellings of a colour mode used by SANE backends (SANE_VALUE_SCAN_MODE_* first).
    static func modeNames(_ mode: ColorMode) -> [String] {
        switch mode {
        case .color: ["Color", "Colour", "24bit Color", "RGB"]
        case .gray: ["Gray", "Grey", "Gray8", "True Gray"]
        case .lineart: ["Lineart", "Binary", "Black & White", "Monochrome", "Halftone"]
        }
    }

    /// Spellings of a paper source used by SANE backends.
    static func sourceNames(_ source: ScanSource) -> [String] {
        switch source {
        case .flatbed: ["Flatbed", "FlatBed", "Normal", "Platen"]
        case .adf: ["Automatic Document Feeder", "ADF", "ADF Front", "Feeder", "Document Feeder"]
        }
    }
}
