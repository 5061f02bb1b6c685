import HallCore

/// Whether a ticket may be taken now: the hall's opening hours (`ExtendedHoursService`) answer.
protocol TicketAdmissionCheck: Sendable {
    /// Why a ticket is refused now (`nil`: admitted). Only devices (kiosks) are refused; staff
    /// may issue a ticket for a resident already in the hall.
    func refusal(issuedByDevice: Bool) async throws -> String?
}

extension ExtendedHoursService: TicketAdmissionCheck {}
