extension HallConfiguration.Center {
    /// `path` (starting with `/`) below the public base URL, for QR codes residents scan (the server
    /// resolves an empty `publicBaseURL` from where it listens first: `effectivePublicBaseURL`).
    public func publicURL(_ path: String) -> String {
        var base = publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
