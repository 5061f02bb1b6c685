import HallCore

/// Appointments and home visits as configured (`appointments` in halld.json).
public struct AppointmentConfiguration: Codable, Sendable, Equatable {
    /// The portable receipt printer of the home-visit team (ESC/POS, like the ticket printer).
    public struct ReceiptPrinter: Codable, Sendable, Equatable {
        public enum Transport: String, Codable, Sendable, CaseIterable {
            /// No printer at halld: receipts are fetched as ESC/POS bytes (`hallctl visit receipt --out`).
            case none
            /// Raw TCP, `address` = host:port (9100 by default).
            case tcp
            /// A serial port, e.g. a paired Bluetooth printer at /dev/rfcomm0.
            case tty
            /// A kernel character device, e.g. a USB printer at /dev/usb/lp0.
            case device
        }

        public var transport: Transport
        public var address: String
        /// Profile id from devices/printers.
        public var profile: String
        /// Baud rate for `tty` (ignored by Bluetooth SPP, needed by a real serial cable).
        public var baudRate: Int

        public init(transport: Transport = .none, address: String = "", profile: String = "portable-58mm", baudRate: Int = 9600) {
            self.transport = transport
            self.address = address
            self.profile = profile
            self.baudRate = baudRate
        }
    }

    /// The rules: lead time, suspension, check-in window, review and follow-up periods.
    public var rules: AppointmentSettings
    /// How often missed bookings are cancelled and home-visit deadlines checked.
    public var sweepIntervalSeconds: Int
    public var receiptPrinter: ReceiptPrinter

    public init(
        rules: AppointmentSettings = AppointmentSettings(), sweepIntervalSeconds: Int = 60,
        receiptPrinter: ReceiptPrinter = ReceiptPrinter()
    ) {
        self.rules = rules
        self.sweepIntervalSeconds = sweepIntervalSeconds
        self.receiptPrinter = receiptPrinter
    }

    /// Refuses unusable values (checked when halld starts).
    func validate() throws {
        if let problem = rules.problem { throw ConfigurationError.invalidValue(key: "appointments.rules", reason: problem) }
        guard sweepIntervalSeconds >= 5 else {
            throw ConfigurationError.invalidValue(key: "appointments.sweepIntervalSeconds", reason: "at least 5 seconds")
        }
        if receiptPrinter.transport != .none, receiptPrinter.address.isEmpty {
            throw ConfigurationError.invalidValue(
                key: "appointments.receiptPrinter.address", reason: "needed for \(receiptPrinter.transport.rawValue)")
        }
    }
}
