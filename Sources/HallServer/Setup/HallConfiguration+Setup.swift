import HallCore

extension HallConfiguration {
    /// The configuration with what first-run setup stored in place of the embedded defaults: the
    /// center's name, phone and public address, and the services and windows when setup gave them.
    /// What the file, the environment or a flag set (`keys`) stays as set; services and windows go
    /// together (either set by the configuration keeps both).
    public func applyingSetup(_ record: SetupRecord, except keys: ConfiguredKeys) -> HallConfiguration {
        var c = self
        if !keys.sets("center.name") { c.center.name = record.centerName }
        if !keys.sets("center.phone") { c.center.phone = record.centerPhone }
        if !keys.sets("center.publicBaseURL") { c.center.publicBaseURL = record.publicBaseURL }
        if let services = record.services, let windows = record.windows, !keys.sets("services"), !keys.sets("windows") {
            c.services = services
            c.windows = windows
        }
        return c
    }

    /// The configuration a setup record gives (`applyingSetup`), checked as the loader checks a
    /// file: a stored setup that no longer fits the configuration (a rating pad at a window setup
    /// left out) stops halld at start with the key's name.
    func applyingCheckedSetup(_ record: SetupRecord?, except keys: ConfiguredKeys) throws -> HallConfiguration {
        guard let record else { return self }
        let applied = applyingSetup(record, except: keys)
        try ConfigurationValidator.validate(applied)
        return applied
    }
}
