import Foundation
import HallCore

/// Answers of the ID card routes.
enum IDCardResponses {
    /// The kiosk's ticket by card: the ticket (as `POST /api/tickets` answers) and the holder's
    /// masked name, so the resident sees their card was read; nothing else of the card.
    struct CardTicket: Encodable {
        let ticket: KioskTicket
        let holder: String

        private enum CodingKeys: String, CodingKey { case holder }

        func encode(to encoder: Encoder) throws {
            try ticket.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(holder, forKey: .holder)
        }
    }

    /// A card read for a clerk: what the case form takes (name, ID number, address) and what the
    /// clerk checks (sex, birth date, validity). Sent once, never stored by this route.
    struct Holder: Encodable {
        let name: String
        let sex: String
        let nation: String
        let birthDate: String
        let age: Int
        let address: String
        let idNumber: String
        let authority: String
        let validFrom: String
        /// `长期` for a card without end.
        let validUntil: String
        let expired: Bool

        init(_ h: IDCardHolder, today: LocalDay) {
            name = h.name
            sex = h.sex.label
            nation = h.nation
            birthDate = h.birthDate.description
            age = h.age(on: today)
            address = h.address
            idNumber = h.idNumber.value
            authority = h.authority
            validFrom = h.validFrom.description
            validUntil = h.validUntil?.description ?? "长期"
            expired = h.isExpired(on: today)
        }
    }

    /// A home visit's identity check: the outcome, and both names and the card's number masked.
    struct VisitIdentity: Encodable {
        let visit: String
        let result: VisitIdentityResult
        /// Whether the card identifies the applicant.
        let identifies: Bool
        /// The outcome in Chinese.
        let message: String
        let applicant: String
        let card: String
        let idNumber: String
        let checkedAt: Date
        let by: String
        let reader: String
    }
}
