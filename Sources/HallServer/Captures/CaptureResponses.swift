import Foundation
import HallCore
import HallScanner

/// Answers of the capture API.
enum CaptureResponses {
    /// One stored page, with where to fetch its image and thumbnail.
    struct Page: Codable, Sendable {
        var id: UUID
        var material: String
        var materialName: String
        var page: Int
        var mime: String
        var width: Int
        var height: Int
        var size: Int
        var sha256: String
        var profile: String
        var createdAt: Date
        var imageURL: String
        var thumbnailURL: String

        init(_ record: CaptureRecord, of c: Case) {
            id = record.id
            material = record.materialID
            materialName = c.item.material(record.materialID)?.name ?? record.materialID
            page = record.pageNumber
            mime = record.mime
            width = record.width
            height = record.height
            size = record.size
            sha256 = record.sha256
            profile = record.profileID
            createdAt = record.createdAt
            let base = "/api/cases/\(c.id)/captures/\(record.id.uuidString)"
            imageURL = base + "/image"
            thumbnailURL = base + "/thumbnail"
        }
    }

    /// A checklist material and how many pages it has.
    struct Material: Codable, Sendable {
        var id: String
        var name: String
        var required: Bool
        var pages: Int
    }

    /// `GET /api/cases/{ref}/captures`.
    struct List: Codable, Sendable {
        var caseID: Int64
        var caseNumber: String?
        var materials: [Material]
        var captures: [Page]
        var pdfURL: String

        init(_ c: Case, _ records: [CaptureRecord]) {
            caseID = c.id
            caseNumber = c.number
            materials = c.item.materials.map { material in
                Material(
                    id: material.id, name: material.name, required: material.required,
                    pages: records.filter { $0.materialID == material.id }.count)
            }
            captures = records.map { Page($0, of: c) }
            pdfURL = "/api/cases/\(c.id)/captures.pdf"
        }
    }

    /// `POST /api/cases/{ref}/captures`.
    struct Captured: Codable, Sendable {
        var window: Int
        var captures: [Page]
    }
}
