extension HallConfiguration.Center {
    /// `path` (starting with `/`) below the public base URL, for QR codes residents scan.
    public func publicURL(_ path: String) -> String {
        var base = publicBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
