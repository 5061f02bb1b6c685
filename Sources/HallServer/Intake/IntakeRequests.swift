import HallCore

/// Request bodies of the intake API, decoded leniently (optional text fields) and then turned
/// into the core's validated values, so a missing or empty field gets the core's clear error.
/// None carries an actor: the actor is always the signed-in principal.
enum IntakeRequests {
    struct ApplicantInput: Codable {
        /// `person` or `enterprise`.
        var kind: String
        var name: String?
        var idNumber: String?
        var phone: String?
        var creditCode: String?
        var contactPerson: String?

        func applicant(today: LocalDay) throws -> Applicant {
            switch kind {
            case "person":
                return try .person(name: name ?? "", idNumber: idNumber ?? "", phone: phone ?? "", today: today)
            case "enterprise":
                return try .enterprise(
                    name: name ?? "", creditCode: creditCode ?? "", contactPerson: contactPerson ?? "",
                    phone: phone ?? "")
            default:
                throw APIError.invalidParameter(name: "applicant.kind", value: kind)
            }
        }
    }

    struct DeliveryInput: Codable {
        /// `window` or `post`.
        var kind: String
        var address: String?
        var recipient: String?
        var phone: String?

        func preference() throws -> DeliveryPreference {
            switch kind {
            case "window": return .windowPickup
            case "post": return try .byPost(address: address ?? "", recipient: recipient ?? "", phone: phone ?? "")
            default: throw APIError.invalidParameter(name: "delivery.kind", value: kind)
            }
        }
    }

    struct OpenCase: Codable {
        var item: String
        var applicant: ApplicantInput
        var delivery: DeliveryInput?
        var ticketID: Int64?
        var window: Int?
    }

    struct Mark: Codable {
        var material: String
        /// `received`, `missing` or `defective`.
        var status: String
        var reason: String?

        func mark() throws -> MaterialMark {
            switch status {
            case "received": return .received(material)
            case "missing": return .missing(material)
            case "defective": return .defective(material, reason ?? "")
            default: throw APIError.invalidParameter(name: "marks.status", value: status)
            }
        }
    }

    struct PreReview: Codable {
        var marks: [Mark]
    }

    struct Review: Codable {
        /// The department answering; a reviewer may leave it out (their own department).
        var department: String?
        /// `approved`, `rejected` or `needs_inspection`.
        var decision: String
        var reason: String?
        var note: String?

        func reviewDecision() throws -> ReviewDecision {
            switch decision {
            case "approved": return .approved
            case "rejected": return .rejected(reason: reason ?? "")
            case "needs_inspection": return .needsInspection(note: note ?? reason ?? "")
            default: throw APIError.invalidParameter(name: "decision", value: decision)
            }
        }
    }

    struct Deliver: Codable {
        var trackingNumber: String?
    }
}
