import HallCore

/// JSON bodies of the appointment API.
enum AppointmentRequests {
    struct OpenSlot: Decodable {
        var day: LocalDay
        /// `HH:mm`.
        var start: String
        var end: String
        var capacity: Int
        /// Queue service id or name (default 综合窗口).
        var service: String?
        var items: [String]?
        var staff: [String]?
        var note: String?
    }

    struct Staff: Decodable { var staff: [String] }

    struct Book: Decodable {
        var slot: Int64
        var item: String
        var name: String
        var phone: String
        var idNumber: String?
        /// What the resident wants done.
        var request: String
        var channel: BookingChannel?
    }

    struct Reason: Decodable { var reason: String? }

    struct Code: Decodable { var code: String }
}
