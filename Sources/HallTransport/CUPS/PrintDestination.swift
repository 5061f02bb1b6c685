/// Where documents are printed: a queue of the local CUPS scheduler, or an IPP printer
/// addressed directly by URI (IPP Everywhere, driverless).
public enum PrintDestination: Sendable, Equatable, CustomStringConvertible {
    /// A CUPS queue name, looked up with `cupsGetNamedDest` (e.g. `Office_A4`, `TicketRaw`).
    case queue(String)
    /// An IPP printer URI, e.g. `ipp://192.0.2.20:631/ipp/print`, used with `cupsGetDestWithURI`.
    case ippURI(String)

    /// Reads a configured destination: anything with a scheme (`ipp://`, `ipps://`) is a URI,
    /// anything else a queue name.
    public init(configured text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self = trimmed.contains("://") ? .ippURI(trimmed) : .queue(trimmed)
    }

    public var description: String {
        switch self {
        case .queue(let name): "cups:\(name)"
        case .ippURI(let uri): uri
        }
    }
}
