import Foundation
import HallCore
import Hummingbird

/// The banner dashboard: its page (`/`, Chinese, assets served by the hub itself) and the JSON
/// behind it, for banner heads and administrators (`oversee`).
struct DashboardRoutes: Sendable {
    let store: HubStore
    let gate: BannerGate
    let timeZone: TimeZone

    func register(on router: Router<HubRequestContext>) {
        router.get("/") { _, _ in DashboardPage.response(DashboardPage.html, type: "text/html; charset=utf-8") }
        router.get("dashboard.js") { _, _ in DashboardPage.response(DashboardPage.script, type: "text/javascript; charset=utf-8") }
        router.get("dashboard.css") { _, _ in DashboardPage.response(DashboardPage.style, type: "text/css; charset=utf-8") }
        router.get("api/dashboard") { request, _ in
            _ = try await gate.require(.oversee, request)
            let day = try day(request.uri.queryParameters["day"].map(String.init))
            return try HubJSON.response(HubDashboard(day: day.description, halls: try await store.dashboard(day: day)))
        }
        router.get("api/dashboard/monthly") { request, _ in
            _ = try await gate.require(.oversee, request)
            let (year, month) = try month(request.uri.queryParameters["month"].map(String.init))
            return try HubJSON.response(try await store.monthly(year: year, month: month))
        }
        router.get("api/dashboard/monthly.csv") { request, _ in
            _ = try await gate.require(.oversee, request)
            let (year, month) = try month(request.uri.queryParameters["month"].map(String.init))
            let comparison = try await store.monthly(year: year, month: month)
            var response = DashboardPage.response(comparison.csv, type: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"hall-month-\(comparison.month).csv\""
            return response
        }
    }

    /// `YYYY-MM-DD`, or today in the banner's time zone.
    func day(_ text: String?) throws -> LocalDay {
        guard let text else { return LocalDay(Date(), in: timeZone) }
        guard let day = LocalDay(text) else { throw HubError.badRequest("日期格式应为 YYYY-MM-DD") }
        return day
    }

    /// `YYYY-MM`, or this month in the banner's time zone.
    func month(_ text: String?) throws -> (Int, Int) {
        guard let text else {
            let today = LocalDay(Date(), in: timeZone)
            return (today.year, today.month)
        }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year),
            (1...12).contains(month)
        else { throw HubError.badRequest("月份格式应为 YYYY-MM") }
        return (year, month)
    }
}

/// `GET /api/dashboard`: the day and every hall's figures.
public struct HubDashboard: Codable, Sendable, Equatable {
    public var day: String
    public var halls: [HubHallDay]
}
