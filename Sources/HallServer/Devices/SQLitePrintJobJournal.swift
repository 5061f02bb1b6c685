import Foundation
import HallCore
import HallPrinter
import HallStore

/// Keeps pending ticket prints in SQLite, so a ticket whose print failed is printed after a
/// restart too.
struct SQLitePrintJobJournal: PrintJobJournal {
    let journal: SQLiteJobJournal

    func save(_ job: PrintJob) async throws {
        try await journal.save(id: job.id, body: HallJSON.encoder().encode(job))
    }

    func remove(jobID: String) async throws {
        try await journal.remove(id: jobID)
    }

    func pendingJobs() async throws -> [PrintJob] {
        try await journal.all().map { try HallJSON.decoder().decode(PrintJob.self, from: $0) }
    }
}
