import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The head's corrections of residents' wording (admin page, 群众用语):
/// - `GET /api/wording`: every key with its Chinese text and, per corrected language, the text in
///   use, whether it was reviewed, the shipped draft and who corrected it;
/// - `PUT /api/wording/{language}/{key}` `{"text": …, "reviewed": true}` and `DELETE` (back to the
///   shipped text);
/// - `GET /api/wording/{language}/catalog`: the catalog with the corrections, as a file to send
///   back upstream.
struct WordingRoutes {
    let wording: ResidentWording

    struct CorrectRequest: Decodable {
        var text: String
        var reviewed: Bool
    }

    /// One language's text of a key as residents see it now.
    struct Text: Encodable {
        var text: String
        var reviewed: Bool
        /// The catalog file's text (what a removed correction goes back to).
        var shipped: String
        var correctedBy: String?
        var correctedAt: Date?
    }

    struct Entry: Encodable {
        var key: String
        var chinese: String
        var texts: [String: Text]
    }

    struct Listing: Encodable {
        /// The hall's languages in display order.
        var languages: [String]
        /// The languages that can be corrected (all but Chinese).
        var correctable: [String]
        var entries: [Entry]
    }

    func register(on router: Router<HallRequestContext>) {
        let api = router.group("api")
        api.get("wording") { _, _ in try JSONResponse.make(listing()) }
        api.put("wording/{language}/{key}") { request, context in
            var request = request
            let body = try await request.decodeJSON(CorrectRequest.self, context: context)
            let correction = try await wording.correct(
                language: try context.parameters.require("language"), key: try context.parameters.require("key"), text: body.text,
                reviewed: body.reviewed, actor: context.actorName ?? "")
            return try JSONResponse.make(correction)
        }
        api.delete("wording/{language}/{key}") { _, context in
            try await wording.removeCorrection(
                language: try context.parameters.require("language"), key: try context.parameters.require("key"),
                actor: context.actorName ?? "")
            return Response(status: .noContent)
        }
        api.get("wording/{language}/catalog") { _, context in
            let code = try context.parameters.require("language")
            let data = try wording.export(language: code)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/json; charset=utf-8", .contentDisposition: "attachment; filename=\"\(code).json\"",
                    .cacheControl: "no-store",
                ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    func listing() -> Listing {
        let others = wording.languages.others
        let chinese = wording.catalog(.zh)?.entries ?? [:]
        let corrections = wording.corrections()
        let entries = chinese.keys.sorted().map { key in
            var texts: [String: Text] = [:]
            for language in others {
                guard let entry = wording.catalog(language)?.entries[key] else { continue }
                let correction = corrections.first { $0.language == language && $0.key == key && $0.text == entry.text }
                texts[language.rawValue] = Text(
                    text: entry.text, reviewed: entry.reviewed, shipped: wording.shippedText(language, key) ?? "",
                    correctedBy: correction?.correctedBy, correctedAt: correction?.correctedAt)
            }
            return Entry(key: key, chinese: chinese[key]?.text ?? "", texts: texts)
        }
        return Listing(
            languages: wording.languages.ordered.map(\.rawValue), correctable: others.map(\.rawValue), entries: entries)
    }
}
