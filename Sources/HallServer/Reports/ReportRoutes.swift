import Foundation
import HallCore
import Hummingbird
import NIOCore

/// Daily and monthly reports: `GET /api/reports/{period}` (period `2026-11-25` or `2026-11`) as
/// JSON, or with `?format=csv` as a CSV download (UTF-8 with BOM).
struct ReportRoutes {
    let reports: ReportService

    func register(on router: Router<HallRequestContext>) {
        router.group("api").get("reports/{period}") { request, context in
            let text = try context.parameters.require("period")
            let period: ReportPeriod
            if text == "today" {
                period = .daily(reports.today())
            } else {
                guard let parsed = ReportPeriod(text) else { throw APIError.invalidParameter(name: "period", value: text) }
                period = parsed
            }
            let report = try await reports.report(period)
            switch RouteSupport.text(request, "format") ?? "json" {
            case "json":
                return try JSONResponse.make(report)
            case "csv":
                let name = "hall-report-\(period.key).csv"
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/csv; charset=utf-8",
                        .contentDisposition: "attachment; filename=\"\(name)\"",
                        .cacheControl: "no-store",
                    ], body: .init(byteBuffer: ByteBuffer(string: ReportCSV.render(report))))
            case let other:
                throw APIError.invalidParameter(name: "format", value: other)
            }
        }
    }
}
