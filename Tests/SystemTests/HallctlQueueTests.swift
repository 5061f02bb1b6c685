import Foundation
import Testing

/// hallctl at the windows and for the head: tickets, calls, status, a bad rating's follow-up, the
/// daily report as CSV and the AB posts, against a live halld whose clock is Wednesday 2026-11-25
/// 09:30 Beijing time (libfaketime), so days and deadlines are fixed.
@Suite("hallctl queue, ratings, report and posts against a live halld")
struct HallctlQueueTests {
    @Test("ticket take → call next/start/finish at window 3 → status → a bad rating followed up → report daily --csv → posts")
    func queueDay() async throws {
        let hall = try await Hallctl(at: FakeTime.beijing("2026-11-25", "09:30"))
        defer { hall.close() }
        try hall.addAccounts([("li.na", "李娜", "clerk", nil), ("zhuren", "张主任", "head", nil)])
        try hall.signIn("li.na", Hallctl.password("li.na"))

        #expect(try hall.ok(["ticket", "take", "社保医保"]) == "已取号 B001（社保医保）\n前面还有 0 人，预计等候约 0 分钟\n")
        let second = try hall.json(["ticket", "take", "B"])
        #expect(second["ticket"]?["number"]?.string == "B002" && second["ticket"]?["day"]?.string == "2026-11-25")
        #expect(second["peopleAhead"]?.int == 1 && second["serviceName"]?.string == "社保医保")
        let firstID = try #require(second["ticket"]?["id"]?.int).advanced(by: -1)

        #expect(try hall.ok(["call", "next", "--window", "3"]).hasPrefix("B001  已呼叫  业务 社保医保  3号窗口"))
        #expect(try hall.ok(["call", "start", "--window", "3"]).hasPrefix("B001  办理中  业务 社保医保  3号窗口"))
        let finished = try hall.json(["call", "finish", "--window", "3"])
        #expect(finished["number"]?.string == "B001" && finished["state"]?.string == "done" && finished["windowNumber"]?.int == 3)

        let status = try hall.ok(["status"])
        #expect(status.hasPrefix("2026-11-25  今日取号 2  已办结 1\n"), "\(status)")
        #expect(status.contains("B 社保医保      1     1         "), "\(status)")
        #expect(status.contains("3号 社保医保窗口  空闲"), "\(status)")
        let json = try hall.json(["status"])
        let queue = json["services"]?.array?.first { $0["service"]?["id"]?.string == "social-insurance" }
        #expect(queue?["waiting"]?.int == 1 && json["servedToday"]?.int == 1)
        #expect(try hall.ok(["ticket", "show", "B002"]).hasPrefix("B002  等候中  业务 社保医保"))
        // Times print in the hall's zone, whatever the terminal's: halld's default, or the variable halld reads.
        #expect(try hall.ok(["ticket", "show", "B002"]).contains("取号 09:3"))
        hall.overrides["HALL_QUEUE_TIME_ZONE_IDENTIFIER"] = "UTC"
        #expect(try hall.ok(["ticket", "show", "B002"]).contains("取号 01:3"))
        hall.overrides["HALL_QUEUE_TIME_ZONE_IDENTIFIER"] = nil

        // The resident presses 非常不满意 on the pad of window 3: a follow-up for the head.
        try await JSONValue.post(
            hall.daemon.baseURL.appendingPathComponent("api/rating-pad"),
            #"{"ticket":\#(firstID),"level":"very_dissatisfied"}"#, token: Hallctl.padToken)
        #expect(try hall.refused(["rating", "follow-ups"]).contains("您的角色无权进行“查看评价”操作"))
        try hall.signIn("zhuren", Hallctl.password("zhuren"))
        let ratings = try hall.ok(["rating", "list", "--from", "2026-11-25"])
        #expect(
            ratings.contains("B001") && ratings.contains("3号窗口") && ratings.contains("李娜") && !ratings.contains("li.na")
                && ratings.contains("非常不满意")
                && ratings.contains("窗口评价器") && ratings.contains("共 1 条"), "\(ratings)")
        let open = try hall.ok(["rating", "follow-ups", "--open"])
        #expect(open.hasPrefix("#1    B001") && open.contains("待处理") && open.contains("时限 2026-11-30，剩 3 个工作日"), "\(open)")
        #expect(open.contains("李娜") && !open.contains("li.na"), "the served clerk by display name: \(open)")
        #expect(
            try hall.ok(["rating", "close", "1", "--note", "已电话回访，致歉并说明办理流程"])
                == "回访 #1（B001）已办结：已电话回访，致歉并说明办理流程\n")
        #expect(try hall.ok(["rating", "follow-ups", "--open"]) == "没有差评回访。\n")
        let closed = try #require(try hall.json(["rating", "follow-ups"]).array?.first)
        #expect(closed["followUp"]?["state"]?.string == "closed" && closed["followUp"]?["closedBy"]?.string == "zhuren")

        // The day's report: text, and the CSV (UTF-8 with BOM) for Excel.
        let report = try hall.ok(["report", "daily", "--day", "2026-11-25"])
        #expect(report.hasPrefix("2026年11月25日日报") && report.contains("评价 1 次") && report.contains("非常不满意 1"), "\(report)")
        let csv = hall.folder.appendingPathComponent("daily.csv")
        #expect(try hall.ok(["report", "daily", "--day", "2026-11-25", "--csv", csv.path]).hasPrefix("已保存报表 \(csv.path)"))
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows.first == "报表,2026年11月25日")
        #expect(rows.contains { $0.hasPrefix("社保医保,2,1,0,0,") } && rows.contains { $0.hasPrefix("合计,2,1,") }, "\(rows)")
        #expect(rows.contains("非常不满意,1") && rows.contains("满意率,0.0%"), "\(rows)")

        // AB posts of window 2.
        #expect(try hall.ok(["post", "set", "2", "--a", "li.na", "--b", "zhuren"]).contains("值岗 李娜"))
        let away = try hall.ok(["post", "away", "2", "--reason", "外出上门服务"])
        #expect(away.contains("值岗 张主任") && away.contains("（A岗离岗：外出上门服务）"), "\(away)")
        let posts = try hall.ok(["post", "list"]).split(separator: "\n")
        #expect(
            posts.count == 5 && posts[1].hasPrefix("2号 综合受理窗口") && posts[1].contains("A岗 李娜(li.na)")
                && posts[1].contains("B岗 张主任(zhuren)"), "\(posts)")
        #expect(try hall.json(["post", "list"]).array?.first { $0["window"]?.int == 2 }?["onDuty"]?["username"]?.string == "zhuren")
    }
}
