import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The appointment confirmation and the home-visit plan as the routes produce them, in a
/// Chinese-only hall (text unchanged against recordings) and in a bilingual one.
@Suite("Appointment confirmations and visit plans in the hall's languages", .serialized)
struct AppointmentDocumentLanguageTests {
    /// The two PDFs a hall produces for one booking and one approved visit, and the booking's
    /// (random) code.
    struct Documents: Sendable {
        var confirmation: Data
        var plan: Data
        var code: String
    }

    static func documents(_ adjust: @escaping (inout HallConfiguration) -> Void = { _ in }) async throws -> Documents {
        let hall = try IntakeTestHall.appointments(at: "2026-09-24", adjust)
        defer { hall.remove() }
        return try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            DefaultTokens.set(clerk, for: client.port)
            let slot = try await client.openSlot("2026-10-03", capacity: 2, staff: ["wang.fang"], token: head)
            let booked = try await client.bookSlot(slot.slot.id, token: clerk)
            let (confirmationStatus, _, confirmation) = try await client.bytes(booked.confirmationURL)
            #expect(confirmationStatus == .ok)
            let visit = try await client.approveVisit(try await client.requestVisit(day: "2026-09-29", token: clerk), token: head)
            let (planStatus, _, plan) = try await client.bytes("/api/visits/\(visit.number)/plan")
            #expect(planStatus == .ok)
            return Documents(confirmation: confirmation, plan: plan, code: booked.appointment.code)
        }
    }

    /// `pdftotext -layout` of `pdf`.
    static func layoutText(_ pdf: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hall-appointment-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ExternalTool.run("pdftotext", ["-layout", "-enc", "UTF-8", file.path, "-"])
        #expect(result.status == 0)
        return result.output
    }

    /// The recordings (HallDocumentsTests/Fixtures/appointment-zh-*.txt) were made from the routes before the documents'
    /// wording came from the catalogs (`HALL_DOCUMENT_PREVIEW_DIR` set, the same text written there);
    /// the booking code, random, reads `######`.
    @Test("a Chinese-only hall's confirmation and visit plan read exactly as their recordings")
    func chineseTextUnchanged() async throws {
        let documents = try await Self.documents()
        let texts = [
            "confirmation": try Self.layoutText(documents.confirmation).replacingOccurrences(of: documents.code, with: "######"),
            "plan": try Self.layoutText(documents.plan),
        ]
        if let dir = ProcessInfo.processInfo.environment["HALL_DOCUMENT_PREVIEW_DIR"] {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for (name, text) in texts { try text.write(toFile: "\(dir)/appointment-zh-\(name).txt", atomically: true, encoding: .utf8) }
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let recorded = try String(
                contentsOf: PackagePaths.url("Tests/HallDocumentsTests/Fixtures/appointment-zh-\(name).txt"), encoding: .utf8)
            #expect(text == recorded, "\(name) differs from its recording")
        }
    }
}
