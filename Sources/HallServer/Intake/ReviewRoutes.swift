import HallCore
import Hummingbird

/// The department reviewer's reads (并联办理): `GET /api/reviews` lists the cases routed to the
/// signed-in reviewer's department, `GET /api/reviews/{ref}` shows one, both as `ReviewerCaseView`
/// (identity in full, contact details masked, only this department's review).
///
/// A reviewer sees only their own department; the center head names one with `?department=`.
/// Answers go to `POST /api/cases/{ref}/reviews`, under the same rule.
struct ReviewRoutes {
    let intake: IntakeService

    func register(on api: RouterGroup<HallRequestContext>) {
        api.get("reviews") { request, context in
            let (department, _) = try await scope(request, context, nil)
            return try JSONResponse.make(try await intake.departmentCases(department))
        }
        api.get("reviews/{ref}") { request, context in
            let c = try await CaseRoutes.load(context, intake)
            let (department, names) = try await scope(request, context, c)
            do {
                return try JSONResponse.make(try await intake.departmentCase(c, departmentID: department))
            } catch ReviewAccessError.notRouted(let ref, let id) {
                throw ReviewAccessError.notRouted(case: ref, department: names[id] ?? id)
            }
        }
    }

    /// The department the signed-in principal acts for, and department names for messages.
    private func scope(
        _ request: Request, _ context: HallRequestContext,
        _ c: Case?
    ) async throws -> (String, [String: String]) {
        let principal = try context.requirePrincipal()
        let names = await Self.departmentNames(intake, c)
        let department = try ReviewerScope.department(for: principal, requested: RouteSupport.text(request, "department")) {
            names[$0] ?? $0
        }
        return (department, names)
    }

    /// Department names by id, from the case's copy of its item and the current catalog, for messages.
    static func departmentNames(_ intake: IntakeService, _ c: Case?) async -> [String: String] {
        var names: [String: String] = [:]
        let catalog = try? await intake.catalog()
        for department in (catalog?.items ?? []).flatMap(\.departments) + (c?.item.departments ?? []) {
            names[department.id] = department.name
        }
        return names
    }
}
