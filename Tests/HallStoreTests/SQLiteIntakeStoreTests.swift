import Foundation
import GRDB
import HallCore
import HallTestSupport
import Testing

@testable import HallStore

/// The shipped data files, read from the repository.
enum IntakeData {
    static let root = PackagePaths.url("data")
    static func file(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }
    static var schedules: [Data] { get throws { [try file("calendar/cn-2025.json"), try file("calendar/cn-2026.json")] } }

    /// 10:00 Beijing time on `day`.
    static func morning(_ day: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: 600, in: TimeZone(identifier: "Asia/Shanghai")!)
    }

    static func person() throws -> Applicant {
        try .person(name: "张三丰", idNumber: "150626198503121230", phone: "13904771234")
    }

    /// Every material of `item` marked received.
    static func complete(_ item: CatalogItem) -> [MaterialMark] { item.materials.map { .received($0.id) } }
}

@Suite("SQLite intake store")
struct SQLiteIntakeStoreTests {
    private func service(_ database: HallDatabase, clock: any HallClock) -> IntakeService {
        IntakeService(store: SQLiteIntakeStore(database), clock: clock, settings: IntakeSettings(), sink: NullSink())
    }

    @Test("first start seeds the catalog and schedules; a second start leaves imports alone")
    func seeding() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let first = try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        #expect(first.catalogItems == 15 && first.scheduleYears == [2025, 2026])
        let again = try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        #expect(again.catalogItems == nil && again.scheduleYears.isEmpty)
        let intake = service(database, clock: SystemClock())
        #expect(try await intake.catalog().items.count == 15)
        #expect(try await intake.calendar().coveredYears == [2025, 2026])
        let events = try await database.pool.read { try String.fetchAll($0, sql: "SELECT type FROM event ORDER BY id") }
        #expect(events == ["catalog.imported", "calendar.imported"])
    }

    @Test("a case round-trips through SQLite with every field, and is found by number and state")
    func roundTrip() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        let intake = service(database, clock: ManualClock(IntakeData.morning("2026-09-24")))
        let item = try await intake.catalog().item("disability-two-subsidies")
        let opened = try await intake.open(
            OpenCaseRequest(
                itemID: item.id, applicant: try IntakeData.person(),
                delivery: try .byPost(address: "乌审旗乌兰陶勒盖镇巴音敖包嘎查", recipient: "张三丰", phone: "13904771234"),
                clerk: "王芳", ticketID: 42, window: 2))
        #expect(opened.id > 0 && opened.state == .preReview)
        let report = try await intake.preReview(caseID: opened.id, marks: IntakeData.complete(item), clerk: "王芳")
        let stored = try await intake.loadCase(id: opened.id)
        #expect(stored == report.intakeCase)
        let number = try #require(stored.number)
        #expect(number == "BM20260924-0001")
        #expect(try await intake.loadCase(number: number) == stored)
        #expect(try await intake.cases(states: [.inReview]).map(\.id) == [opened.id])
        #expect(try await intake.cases(states: [.closed]).isEmpty)
        let columns = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT number, state, item_id, owner, accepted_day, promised_day FROM intake_case")!
        }
        #expect(columns[0] as String == number && columns[1] as String == "in_review" && columns[2] as String == item.id)
        #expect(columns[3] as String == "王芳" && columns[4] as String == "2026-09-24")
        #expect(columns[5] as String? == stored.promisedDay?.description)
    }

    @Test("concurrent acceptances on one day get unique, gapless case numbers")
    func concurrentNumbers() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        let intake = service(database, clock: ManualClock(IntakeData.morning("2026-03-10")))
        let item = try await intake.catalog().item("senior-allowance")
        let count = 60
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let c = try await intake.open(OpenCaseRequest(itemID: item.id, applicant: try IntakeData.person(), clerk: "李"))
                    return try await intake.preReview(caseID: c.id, marks: IntakeData.complete(item), clerk: "李").intakeCase.number!
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(numbers).count == count)
        let sequences = numbers.compactMap { CaseNumber.parse($0)?.sequence }.sorted()
        #expect(sequences == Array(1...count))
        // A new day starts again at 1.
        let next = service(database, clock: ManualClock(IntakeData.morning("2026-03-11")))
        let c = try await next.open(OpenCaseRequest(itemID: item.id, applicant: try IntakeData.person(), clerk: "李"))
        #expect(
            try await next.preReview(caseID: c.id, marks: IntakeData.complete(item), clerk: "李").intakeCase.number
                == "BM20260311-0001")
    }

    @Test("cases, counters and events survive closing and reopening the database")
    func restart() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        var caseID: Int64 = 0
        do {
            let database = try temp.open()
            try IntakeSeed.seedIfEmpty(
                database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
                schedules: try IntakeData.schedules, at: Date())
            let intake = service(database, clock: ManualClock(IntakeData.morning("2026-03-10")))
            let item = try await intake.catalog().item("birth-registration")
            let c = try await intake.open(OpenCaseRequest(itemID: item.id, applicant: try IntakeData.person(), clerk: "李"))
            _ = try await intake.preReview(caseID: c.id, marks: [.missing("household-register")], clerk: "李")
            caseID = c.id
            _ = try await intake.preReview(caseID: c.id, marks: IntakeData.complete(item), clerk: "李")
        }
        let reopened = try temp.open()
        // A new start does not re-seed over what is there.
        let seeded = try IntakeSeed.seedIfEmpty(
            reopened, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        #expect(seeded.catalogItems == nil)
        let intake = service(reopened, clock: ManualClock(IntakeData.morning("2026-03-10")))
        let c = try await intake.loadCase(id: caseID)
        #expect(c.state == .inReview && c.number == "BM20260310-0001" && c.correctionRounds == 1)
        let item = try await intake.catalog().item("birth-registration")
        let second = try await intake.open(OpenCaseRequest(itemID: item.id, applicant: try IntakeData.person(), clerk: "李"))
        #expect(
            try await intake.preReview(caseID: second.id, marks: IntakeData.complete(item), clerk: "李").intakeCase.number
                == "BM20260310-0002")
        let types = try await reopened.pool.read { try String.fetchAll($0, sql: "SELECT type FROM event WHERE type LIKE 'case.%' ORDER BY id") }
        #expect(types.prefix(4) == ["case.opened", "case.correction_needed", "case.accepted", "case.routed"])
    }

    @Test("a failed transaction leaves neither the case change nor a spent number")
    func rollback() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        // 2026-12-28 + 7 working days runs into 2027, which has no schedule: refused in strict mode.
        let intake = service(database, clock: ManualClock(IntakeData.morning("2026-12-28")))
        let item = try await intake.catalog().item("temporary-assistance")
        let c = try await intake.open(OpenCaseRequest(itemID: item.id, applicant: try IntakeData.person(), clerk: "李"))
        await #expect(throws: CalendarError.self) {
            _ = try await intake.preReview(caseID: c.id, marks: IntakeData.complete(item), clerk: "李")
        }
        #expect(try await intake.loadCase(id: c.id).state == .preReview)
        let counters = try await database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM case_counter")! }
        #expect(counters == 0)
    }

    @Test("notices: sequence per case and kind, print outcome recorded, a failed file write records nothing")
    func notices() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        let intake = service(database, clock: SystemClock())
        let c = try await intake.open(OpenCaseRequest(itemID: "senior-allowance", applicant: try IntakeData.person(), clerk: "李"))
        let store = SQLiteNoticeStore(database)
        let first = try await store.add(caseID: c.id, kind: .correction, at: Date(), initialStatus: .pending) { "/x/correction-\($0).pdf" }
        let second = try await store.add(caseID: c.id, kind: .correction, at: Date(), initialStatus: .pending) { "/x/correction-\($0).pdf" }
        #expect(first.sequence == 1 && second.sequence == 2 && second.path == "/x/correction-2.pdf")
        struct WriteFailed: Error {}
        await #expect(throws: WriteFailed.self) {
            _ = try await store.add(caseID: c.id, kind: .acceptance, at: Date(), initialStatus: .pending) { _ in throw WriteFailed() }
        }
        #expect(try await store.latest(caseID: c.id, kind: .acceptance) == nil)
        let failed = try await store.recordPrint(noticeID: second.id, status: .failed, jobID: nil, error: "打印机无响应", at: Date())
        #expect(failed?.printStatus == .failed && failed?.printError == "打印机无响应" && failed?.printedAt == nil)
        let printed = try await store.recordPrint(noticeID: second.id, status: .printed, jobID: 7, error: nil, at: Date())
        #expect(printed?.printStatus == .printed && printed?.cupsJobID == 7 && printed?.printError == nil && printed?.printedAt != nil)
        #expect(try await store.latest(caseID: c.id, kind: .correction)?.id == second.id)
        #expect(try await store.notices(caseID: c.id).map(\.sequence) == [1, 2])
    }
}
