/// A ticket's lines in a second script the printer has no font for (traditional Mongolian):
/// printed as raster images, each beside its Chinese line — before it when `first` (the
/// region's rule: Mongolian first), after it otherwise.
public struct SecondScript: Sendable, Hashable, Codable {
    public var wording: TicketWording
    /// The center's name in this script; nil: its line is left out.
    public var centerName: String?
    /// The service's name in this script; nil: its line is left out.
    public var serviceName: String?
    /// Whether these lines come before the Chinese ones.
    public var first: Bool

    public init(wording: TicketWording, centerName: String? = nil, serviceName: String? = nil, first: Bool = true) {
        self.wording = wording
        self.centerName = centerName
        self.serviceName = serviceName
        self.first = first
    }
}
