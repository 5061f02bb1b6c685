/// The `USBDeviceSetup` of a USB-serial bridge: a chip family's line setup with given settings.
public struct USBSerialLineSetup: USBDeviceSetup {
    public let chip: any USBSerialChip
    public let settings: SerialSettings

    public init(chip: any USBSerialChip, settings: SerialSettings) {
        self.chip = chip
        self.settings = settings
    }

    public var additionalInterfaceClasses: [UInt8] { chip.additionalInterfaceClasses }

    public func configure(_ channel: USBControlChannel) throws(TransportError) {
        do {
            try chip.configure(channel, settings: settings)
        } catch {
            throw Self.annotated(error, with: "\(chip.kind.rawValue) line setup \(settings)")
        }
    }

    /// The same error kind with `context` in front of its text.
    static func annotated(_ error: TransportError, with context: String) -> TransportError {
        switch error {
        case .notFound(let s): .notFound("\(context): \(s)")
        case .accessDenied(let s): .accessDenied("\(context): \(s)")
        case .busy(let s): .busy("\(context): \(s)")
        case .timeout(let s): .timeout("\(context): \(s)")
        case .disconnected(let s): .disconnected("\(context): \(s)")
        case .io(let s): .io("\(context): \(s)")
        }
    }
}
