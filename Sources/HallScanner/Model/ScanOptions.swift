/// The colour mode of a capture.
public enum ColorMode: String, Sendable, Codable, CaseIterable {
    /// 24-bit RGB.
    case color
    /// 8-bit grey.
    case gray
    /// 1-bit black and white (text documents).
    case lineart
}

/// Where the paper comes from.
public enum ScanSource: String, Sendable, Codable, CaseIterable {
    /// One sheet on the glass (or under a document camera).
    case flatbed
    /// A stack in the automatic document feeder; several pages per capture.
    case adf
}

/// What the clerk asks of one capture.
public struct ScanOptions: Sendable, Equatable, Codable {
    /// Requested resolution in dots per inch; a device may round it to what it supports.
    public var resolution: Int
    /// Colour mode.
    public var colorMode: ColorMode
    /// Paper source.
    public var source: ScanSource
    /// Upper bound on pages taken in one capture (ADF); flatbed captures always take one.
    public var maxPages: Int
    /// Backend-specific options set by name after the standard ones (e.g. SANE `test-picture`).
    public var extraOptions: [String: String]

    /// Creates options; `maxPages` is clamped to at least 1.
    public init(
        resolution: Int = 300, colorMode: ColorMode = .color, source: ScanSource = .flatbed,
        maxPages: Int = 1, extraOptions: [String: String] = [:]
    ) {
        self.resolution = resolution
        self.colorMode = colorMode
        self.source = source
        self.maxPages = max(1, maxPages)
        self.extraOptions = extraOptions
    }
}

extension ScanOptions {
    private enum CodingKeys: String, CodingKey {
        case resolution, colorMode, source, maxPages, extraOptions
    }

    /// Decodes options where every field is optional (profiles give only what differs).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            resolution: try container.decodeIfPresent(Int.self, forKey: .resolution) ?? 300,
            colorMode: try container.decodeIfPresent(ColorMode.self, forKey: .colorMode) ?? .color,
            source: try container.decodeIfPresent(ScanSource.self, forKey: .source) ?? .flatbed,
            maxPages: try container.decodeIfPresent(Int.self, forKey: .maxPages) ?? 1,
            extraOptions: try container.decodeIfPresent([String: String].self, forKey: .extraOptions) ?? [:])
    }
}
