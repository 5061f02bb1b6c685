import Foundation

/// The rating rules as pure functions: who may rate what, when; when a follow-up is due and
/// whether it is overdue.
public enum RatingRules {
    /// The longest note a head may close a follow-up with.
    public static let maxNoteLength = 500

    /// Checks that `ticket` may be rated now: finished (办结), not rated yet, within the rating period.
    public static func checkRateable(_ ticket: Ticket, existing: Rating?, now: Date, settings: RatingSettings) throws {
        guard ticket.state == .done, let finished = ticket.closedAt else { throw RatingError.notFinished(ticket: ticket.number) }
        guard existing == nil else { throw RatingError.alreadyRated(ticket: ticket.number) }
        guard now.timeIntervalSince(finished) <= settings.ratingValidHours * 3600 else {
            throw RatingError.expired(ticket: ticket.number, hours: Int(settings.ratingValidHours.rounded()))
        }
    }

    /// Checks a pad's rating: the ticket must have been served at the pad's window.
    public static func checkPad(_ ticket: Ticket, window: Int) throws {
        guard ticket.windowNumber == window else { throw RatingError.otherWindow(ticket: ticket.number, window: window) }
    }

    /// Whether the pad of a window should offer `ticket` (the last finished there): finished less
    /// than `padShowMinutes` ago and not rated yet.
    public static func padOffers(_ ticket: Ticket, rated: Bool, now: Date, settings: RatingSettings) -> Bool {
        guard ticket.state == .done, !rated, let finished = ticket.closedAt else { return false }
        return now.timeIntervalSince(finished) <= settings.padShowMinutes * 60
    }

    /// The QR page's answer: whether the holder may rate, and why not.
    public static func status(
        of ticket: Ticket, existing: Rating?, holdsKey: Bool, now: Date,
        settings: RatingSettings
    ) -> TicketRatingStatus {
        var reason: String?
        do {
            try checkRateable(ticket, existing: existing, now: now, settings: settings)
            if !holdsKey { reason = RatingError.keyMissing.message }
        } catch let error as RatingError {
            reason = error.message
        } catch {
            reason = "\(error)"
        }
        return TicketRatingStatus(
            ticketNumber: ticket.number, isFinished: ticket.state == .done, level: existing?.level,
            canRate: reason == nil, reason: reason)
    }

    /// The day a follow-up opened on `day` must be closed by: `workingDays` working days later on
    /// the official calendar. Counted provisionally (weekends only, flagged) for a year without a
    /// schedule, so a rating is never refused because the calendar was not imported.
    public static func followUpDue(
        openedOn day: LocalDay, workingDays: Int,
        calendar: WorkingDayCalendar
    ) throws -> CalendarAnswer<LocalDay> {
        try calendar.addingWorkingDays(workingDays, to: day, mode: .provisional)
    }

    /// A follow-up's standing on `today`: overdue when still open after its due day.
    public static func status(
        of followUp: RatingFollowUp, today: LocalDay,
        calendar: WorkingDayCalendar
    ) throws -> RatingFollowUpStatus {
        guard followUp.state == .open else { return RatingFollowUpStatus(followUp: followUp, isOverdue: false, workingDaysLeft: nil) }
        let left = try calendar.workingDays(from: today, to: followUp.dueDay, mode: .provisional).value
        return RatingFollowUpStatus(followUp: followUp, isOverdue: today > followUp.dueDay, workingDaysLeft: left)
    }

    /// Checks and trims the head's closing note.
    public static func closingNote(_ note: String) throws -> String {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw RatingError.noteRequired }
        guard trimmed.count <= maxNoteLength else { throw RatingError.noteTooLong(max: maxNoteLength) }
        return trimmed
    }
}
