import Foundation

/// The metadata of one stored page: which case and material it belongs to and where its bytes are.
public struct CaptureRecord: Sendable, Codable, Equatable, Identifiable {
    /// Unique id of this page record.
    public var id: UUID
    /// The case (办件) the page belongs to.
    public var caseID: String
    /// The checklist material (申请材料) the page documents.
    public var materialID: String
    /// 1-based page number within the material.
    public var pageNumber: Int
    /// Lower-case hex SHA-256 of the stored file; the file's address.
    public var sha256: String
    /// Size of the stored file in bytes.
    public var size: Int
    /// MIME type of the stored file (`image/png` or `image/jpeg`).
    public var mime: String
    /// Image width in pixels.
    public var width: Int
    /// Image height in pixels.
    public var height: Int
    /// The profile (device model) that captured it.
    public var profileID: String
    /// When it was stored.
    public var createdAt: Date

    /// Creates a record.
    public init(
        id: UUID = UUID(), caseID: String, materialID: String, pageNumber: Int, sha256: String,
        size: Int, mime: String, width: Int, height: Int, profileID: String, createdAt: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.materialID = materialID
        self.pageNumber = pageNumber
        self.sha256 = sha256
        self.size = size
        self.mime = mime
        self.width = width
        self.height = height
        self.profileID = profileID
        self.createdAt = createdAt
    }
}
