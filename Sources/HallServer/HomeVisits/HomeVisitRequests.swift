import HallCore

/// JSON bodies of the home-visit API.
enum HomeVisitRequests {
    struct VisitBody: Decodable {
        struct Person: Decodable { var name: String; var phone: String; var idNumber: String? }
        struct Agent: Decodable { var name: String?; var relation: String?; var phone: String? }
        var channel: BookingChannel?
        var applicant: Person
        var agent: Agent?
        var eligibility: VisitEligibility
        var eligibilityNote: String?
        var item: String
        var address: String
        var preferredDay: LocalDay
        var preferredTime: String?
        var request: String

        var visitRequest: VisitRequest {
            VisitRequest(
                channel: channel ?? .inPerson, applicantName: applicant.name, applicantPhone: applicant.phone,
                applicantIDNumber: applicant.idNumber, agentName: agent?.name, agentRelation: agent?.relation,
                agentPhone: agent?.phone, eligibility: eligibility, eligibilityNote: eligibilityNote, itemID: item,
                address: address, preferredDay: preferredDay, preferredTime: preferredTime, request: request)
        }
    }

    struct Approve: Decodable {
        var day: LocalDay
        var time: String
        var place: String?
        var staff: [String]
        var materials: [String]?
        var extraMaterials: [String]?
        var notes: String?

        var approval: VisitApproval {
            VisitApproval(
                day: day, time: time, place: place, staff: staff, materialIDs: materials,
                extraMaterials: extraMaterials ?? [], notes: notes)
        }
    }

    struct Refuse: Decodable { var reason: String?; var alternative: String? }

    struct OpenCase: Decodable { var idNumber: String? }

    struct Note: Decodable { var note: String? }

    struct Call: Decodable { var outcome: SatisfactionOutcome; var note: String? }

    struct SpotCheckBody: Decodable { var result: SpotCheckResult; var note: String? }
}
