import Foundation

extension HallConfiguration {
    /// What a secret is shown as by `halld --print-config`.
    public static let maskedSecret = "********"

    /// The configuration with its secrets masked, for printing: the initial admin password and
    /// every device token (kiosks, screens, rating pads) and a password in the office printer's URI. An empty value stays empty, so one can
    /// still see whether a secret is set.
    public func maskingSecrets() -> HallConfiguration {
        func mask(_ s: String) -> String { s.isEmpty ? "" : Self.maskedSecret }
        var c = self
        c.accounts.initialAdminPassword = mask(c.accounts.initialAdminPassword)
        c.hub.enrollmentCode = mask(c.hub.enrollmentCode)
        for i in c.devices.kiosks.indices { c.devices.kiosks[i].token = mask(c.devices.kiosks[i].token) }
        for i in c.devices.screens.indices { c.devices.screens[i].token = mask(c.devices.screens[i].token) }
        for i in c.devices.ratingPads.indices { c.devices.ratingPads[i].token = mask(c.devices.ratingPads[i].token) }
        // A printer URI may carry a password (ipp://user:secret@host/…).
        if var uri = URLComponents(string: c.officePrinter.destination), uri.password != nil {
            uri.password = Self.maskedSecret
            c.officePrinter.destination = uri.string ?? ""
        }
        return c
    }
}
