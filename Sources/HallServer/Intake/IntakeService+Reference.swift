import HallCore

extension IntakeService {
    /// A case named in a path: its case number (`bm20261125-0001` as `BM20261125-0001`) or, before
    /// acceptance, its numeric id.
    func loadCase(ref: String) async throws -> Case {
        if let id = Int64(ref) { return try await loadCase(id: id) }
        return try await loadCase(number: ref.uppercased())
    }
}
