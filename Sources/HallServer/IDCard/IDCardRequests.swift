/// Request bodies of the ID card routes.
enum IDCardRequests {
    /// `POST /api/idcard/tickets`: the service chosen on the kiosk.
    struct Ticket: Decodable {
        var service: String
        /// Seconds to wait for a card (capped by `idCard.waitSeconds`).
        var wait: Double?
    }

    /// `POST /api/idcard/check-in`: a clerk gives the window whose reader to read (the kiosk nothing).
    struct CheckIn: Decodable {
        var window: Int?
        var wait: Double?
    }

    /// `POST /api/idcard/read`: the clerk's window.
    struct Read: Decodable {
        var window: Int
        var wait: Double?
    }

    /// `POST /api/visits/{ref}/identity`: a card read on the staff's laptop, or a window whose reader to read.
    struct VisitIdentity: Decodable {
        struct Card: Decodable {
            var name: String
            var idNumber: String
            var expired: Bool?
        }

        var card: Card?
        var window: Int?
        var wait: Double?
    }
}
