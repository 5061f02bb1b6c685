import Foundation
import Testing

@testable import HallCore

/// Report building blocks: periods, the nearest-rank percentile, satisfaction rate, overdue cases, CSV.
@Suite struct ReportFiguresTests {
    @Test func periods() throws {
        #expect(ReportPeriod("2026-11-25") == .daily(IntakeTestData.day("2026-11-25")))
        #expect(ReportPeriod("2026-02")?.days == IntakeTestData.day("2026-02-01")...IntakeTestData.day("2026-02-28"))
        #expect(ReportPeriod("2024-02")?.days.upperBound == IntakeTestData.day("2024-02-29"))
        #expect(ReportPeriod("2026-12")?.days.upperBound == IntakeTestData.day("2026-12-31"))
        #expect(ReportPeriod("2026-13") == nil && ReportPeriod("2026-1") == nil && ReportPeriod("x") == nil)
        #expect(ReportPeriod("2026-11")?.label == "2026年11月" && ReportPeriod("2026-11-05")?.label == "2026年11月5日")
    }

    @Test func nearestRankPercentile() {
        #expect(Percentile.value(90, of: []) == nil)
        #expect(Percentile.value(90, of: [5]) == 5)
        #expect(Percentile.value(90, of: (1...10).map(Double.init)) == 9)
        #expect(Percentile.value(90, of: (1...11).map(Double.init)) == 10)
        #expect(Percentile.value(90, of: (1...20).map(Double.init).reversed()) == 18)
        // The integer form the SQL uses agrees with ⌈0.9·n⌉ for every n.
        for n in 1...500 { #expect(Percentile.rank(90, count: n) == (9 * n + 9) / 10) }
        // ⌈0.9·n⌉ is the smallest k with 10·k ≥ 9·n.
        for n in 1...500 { #expect(Percentile.rank(90, count: n) == (1...n).first { 10 * $0 >= 9 * n }) }
    }

    @Test func satisfactionRate() {
        let f = RatingFigures(counts: [.verySatisfied: 5, .satisfied: 2, .basicallySatisfied: 1, .dissatisfied: 1, .veryDissatisfied: 1])
        #expect(f.total == 10 && f.negative == 2 && f.satisfactionRate == 0.8)
        #expect(f.distribution.map(\.count) == [5, 2, 1, 1, 1])
        #expect(RatingFigures(counts: [:]).satisfactionRate == nil)
    }

    @Test func overdueCases() {
        let tz = TimeZone(identifier: "Asia/Shanghai")!
        let d = IntakeTestData.day
        let records = [
            CaseDueRecord(caseNumber: "BM1", state: .decided, promisedDay: d("2026-11-10"), decidedAt: IntakeTestData.morning("2026-11-10")),
            CaseDueRecord(caseNumber: "BM2", state: .closed, promisedDay: d("2026-11-10"), decidedAt: IntakeTestData.morning("2026-11-11")),
            CaseDueRecord(caseNumber: "BM3", state: .inReview, promisedDay: d("2026-11-12"), decidedAt: nil),
            CaseDueRecord(caseNumber: "BM4", state: .inReview, promisedDay: d("2026-11-20"), decidedAt: nil),
            // 23:30 on the promised day in Beijing is still on time (15:30 UTC).
            CaseDueRecord(
                caseNumber: "BM5", state: .decided, promisedDay: d("2026-11-10"),
                decidedAt: d("2026-11-10").instant(minutesAfterMidnight: 23 * 60 + 30, in: tz)),
        ]
        let f = CaseDeadlineFigures.compute(records, today: d("2026-11-15"), timeZone: tz)
        #expect(f.due == 5 && f.onTime == 2 && f.overdue == 2 && f.stillOpen == 1 && f.overdueCaseNumbers == ["BM2", "BM3"])
    }

    @Test func csvIsUTF8WithBOMAndQuoted() {
        #expect(ReportCSV.field("a,b") == "\"a,b\"" && ReportCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportCSV.field("=SUM(A1)") == "'=SUM(A1)" && ReportCSV.field("-") == "-" && ReportCSV.field("-3") == "-3")
        let report = HallReport(
            period: .daily(IntakeTestData.day("2026-11-25")), generatedAt: Date(timeIntervalSince1970: 0),
            services: [
                ServiceFigures(
                    serviceID: "s", serviceName: "社保医保", issued: 3, served: 2, noShows: 1,
                    waiting: DurationFigures(count: 3, averageSeconds: 90, p90Seconds: 150))
            ],
            totals: ServiceFigures(serviceID: "", serviceName: "合计", issued: 3), days: [],
            ratings: RatingFigures(counts: [.satisfied: 1]), cases: CaseDeadlineFigures(), extendedHours: nil)
        let csv = ReportCSV.render(report)
        #expect(csv.hasPrefix("\u{FEFF}报表,2026年11月25日\r\n"))
        #expect(csv.contains("\r\n社保医保,3,2,1,0,1.5,2.5,-,-\r\n"))
        #expect(csv.contains("\r\n满意,1\r\n") && csv.contains("\r\n满意率,100.0%\r\n") && csv.contains("（台账未接入）"))
    }
}
