import Foundation

/// Puts the duty of the staff of every ended appointment slot into the staff ledger (登记台账,
/// rule 1: the ledger records the time staff spend on appointment service), through
/// `LedgerService.record(kind: .appointment, …)`. Run by the appointment sweep.
///
/// Exactly once, across restarts and repeated rounds: the ledger keeps at most one entry per slot
/// and staff member (a second `record` for the same slot returns the first entry), and a slot is
/// marked done only after all of its entries are stored. See `AppointmentDuty` for the measure.
public final class AppointmentDutyRecorder: Sendable {
    /// What one round did.
    public struct Round: Sendable {
        /// The ledger entries of the slots finished in this round (stored now, or found stored).
        public var entries: [LedgerEntry] = []
        /// Slots marked done (with or without entries).
        public var slotsDone: [Int64] = []
        /// Slots that could not be recorded, with the reason; they are tried again next round.
        public var failures: [(slotID: Int64, reason: String)] = []
    }

    private let appointments: AppointmentService
    private let queue: QueueService
    private let ledger: LedgerService

    public init(appointments: AppointmentService, queue: QueueService, ledger: LedgerService) {
        self.appointments = appointments
        self.queue = queue
        self.ledger = ledger
    }

    /// Records every slot that is over and whose residents are all served (or whose day is over).
    public func recordEndedSlots() async throws -> Round {
        var round = Round()
        for pending in try await appointments.slotsAwaitingDuty() {
            do {
                let tickets = try await tickets(of: pending.appointments)
                switch AppointmentDuty.assess(
                    slot: pending.slot, appointments: pending.appointments, tickets: tickets,
                    now: appointments.clock.now(), timeZone: appointments.timeZone)
                {
                case .pending:
                    continue
                case .nothingToRecord:
                    try await appointments.markDutyRecorded(slotID: pending.slot.id, minutes: 0)
                case .record(let duty):
                    var minutes = 0
                    for staff in duty.slot.staff {
                        let entry = try await ledger.record(
                            kind: .appointment, staff: staff.username, start: duty.start,
                            end: duty.end, note: duty.note, served: duty.served,
                            source: .appointment, slotID: duty.slot.id, by: "system")
                        minutes = entry.recordedMinutes
                        round.entries.append(entry)
                    }
                    try await appointments.markDutyRecorded(slotID: pending.slot.id, minutes: minutes)
                }
                round.slotsDone.append(pending.slot.id)
            } catch {
                round.failures.append((pending.slot.id, String(describing: error)))
            }
        }
        return round
    }

    /// The tickets issued at the check-ins, by id (a ticket that cannot be found is left out).
    private func tickets(of bookings: [Appointment]) async throws -> [Int64: Ticket] {
        var tickets: [Int64: Ticket] = [:]
        for id in bookings.compactMap(\.ticketID) {
            do {
                tickets[id] = try await queue.ticketStatus(id: id).ticket
            } catch QueueError.unknownTicket {
                continue
            }
        }
        return tickets
    }
}
