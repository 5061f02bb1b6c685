import Foundation
import Testing

/// hallctl for appointments, home visits and the staff ledger against a live halld on chosen days
/// (libfaketime): slots are opened and booked on Wednesday 2026-11-25 (two working days before
/// Saturday 11-28 by the official calendar), then halld is restarted on Saturday 11-28 at 09:10
/// for the check-in.
@Suite("hallctl appointments, visits and ledger against a live halld")
struct HallctlAppointmentTests {
    @Test("open-slot → book → find → visit request → ledger month and CSV → (Saturday) check-in → priority ticket called")
    func appointmentWeekend() async throws {
        let hall = try await Hallctl(at: FakeTime.beijing("2026-11-25", "09:30"))
        defer { hall.close() }
        try hall.addAccounts([("li.na", "李娜", "clerk", nil), ("zhuren", "张主任", "head", nil)])

        try hall.signIn("zhuren", Hallctl.password("zhuren"))
        let slot = try hall.ok([
            "appointment", "open-slot", "--day", "2026-11-28", "--start", "09:00", "--end", "11:00",
            "--capacity", "3", "--staff", "li.na",
        ])
        #expect(slot == "已开放预约时段 #1  2026-11-28 星期六 09:00–11:00  双休日  业务 综合窗口  已约 0/3  值班 李娜\n", "\(slot)")
        let workingDay = try hall.refused([
            "appointment", "open-slot", "--day", "2026-11-26", "--start", "09:00", "--end", "11:00",
            "--capacity", "3",
        ])
        #expect(workingDay.contains("2026年11月26日是法定工作日"), "\(workingDay)")

        try hall.signIn("li.na", Hallctl.password("li.na"))
        let booked = try hall.ok([
            "appointment", "book", "--slot", "1", "--item", "senior-allowance", "--name", "王秀英",
            "--phone", "13904771234", "--request", "申请高龄津贴",
        ])
        #expect(booked.hasPrefix("已预约：2026-11-28（星期六）09:00–11:00  高龄津贴申请\n预约码："), "\(booked)")
        #expect(booked.contains("  1. 居民身份证") && booked.contains("预约服务不收取任何费用。"), "\(booked)")
        let found = try #require(try hall.json(["appointment", "find", "13904771234"]).array)
        #expect(found.count == 1 && found.first?["state"]?.string == "booked" && found.first?["day"]?.string == "2026-11-28")
        let code = try #require(found.first?["code"]?.string)
        #expect(try hall.ok(["appointment", "find", "13904771234"]).hasPrefix("#1  预约码 \(code)  已预约  2026-11-28 09:00–11:00  高龄津贴申请"))
        #expect(try hall.ok(["appointment", "duty"]).hasPrefix("值班 #1  2026-11-28 星期六 09:00–11:00  双休日  业务 综合窗口  已约 1/3"))
        let early = try hall.refused(["appointment", "check-in", "--code", code])
        #expect(early.contains("您的预约日期是2026年11月28日，不是今天"), "\(early)")

        // A home visit: two working days ahead at the earliest.
        let visit = try hall.ok([
            "visit", "request", "--name", "张桂兰", "--phone", "13904770002", "--id-number", "150626198503121230",
            "--eligibility", "elderly", "--item", "senior-allowance", "--address", "乌兰陶勒盖镇巴音敖包嘎查3组",
            "--day", "2026-11-30", "--time", "上午", "--request", "高龄老人行动不便，申请上门办理高龄津贴",
        ])
        #expect(visit.hasPrefix("已登记 SM20261125-01  待审核  高龄津贴申请") && visit.contains("审核期限 2026-11-26"), "\(visit)")
        let soon = try hall.refused([
            "visit", "request", "--name", "张桂兰", "--phone", "13904770002", "--eligibility", "elderly",
            "--item", "senior-allowance", "--address", "乌兰陶勒盖镇巴音敖包嘎查3组", "--day", "2026-11-26",
            "--request", "申请上门办理",
        ])
        #expect(soon.contains("须提前2个工作日") && soon.contains("最早可预约2026年11月27日"), "\(soon)")
        #expect(try hall.json(["visit", "list"]).array?.compactMap { $0["number"]?.string } == ["SM20261125-01"])

        // The head records yesterday's extended service; the month's ledger as text and CSV.
        try hall.signIn("zhuren", Hallctl.password("zhuren"))
        #expect(
            try hall.ok([
                "ledger", "record", "--staff", "li.na", "--kind", "extended", "--start", "2026-11-24T17:30:00+08:00",
                "--end", "2026-11-24T18:45:00+08:00", "--served", "B009,C004", "--note", "延时服务",
            ])
                == "已登记 #1 li.na 2026-11-24 延时服务 75 分钟\n")
        let month = try hall.ok(["ledger", "month", "--month", "2026-11"])
        #expect(month.hasPrefix("预约延时服务登记台账 2026年11月"), "\(month)")
        #expect(
            month.contains("#1 2026-11-24 li.na") && month.contains("17:30–18:45") && month.contains("75分钟")
                && month.contains("B009、C004"), "\(month)")
        #expect(month.contains("李娜（li.na）本月 75 分钟"), "\(month)")
        let view = try hall.json(["ledger", "month", "--month", "2026-11"])
        #expect(view["entries"]?.array?.first?["minutes"]?.int == 75)
        let csv = hall.folder.appendingPathComponent("ledger.csv")
        #expect(try hall.ok(["ledger", "export", "--month", "2026-11", "-o", csv.path]).hasPrefix("已保存 \(csv.path)"))
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows.first?.contains("登记台账 2026年11月") == true, "\(rows)")
        #expect(rows.contains("1,2026-11-24,李娜,li.na,延时服务,17:30,18:45,75,B009、C004,手工登记,延时服务"), "\(rows)")

        // Saturday 09:10: the session of Wednesday has ended; the resident checks in with the code.
        try await hall.restart(at: FakeTime.beijing("2026-11-28", "09:10"))
        let stale = try hall.refused(["appointment", "find", "13904771234"])
        #expect(stale.contains("hallctl login"), "\(stale)")
        try hall.signIn("li.na", Hallctl.password("li.na"))
        let checkedIn = try hall.ok(["appointment", "check-in", "--code", code])
        #expect(checkedIn.hasPrefix("已签到：王*英 高龄津贴申请\n优先号 A001（综合窗口），前面还有 0 人"), "\(checkedIn)")
        #expect(try hall.refused(["appointment", "check-in", "1"]).contains("该预约已签到，您的排队号码是 A001"))
        let called = try hall.json(["call", "next", "--window", "1"])
        #expect(called["number"]?.string == "A001" && called["priority"]?.string == "appointment" && called["day"]?.string == "2026-11-28")
        #expect(try hall.json(["appointment", "show", "1"])["appointment"]?["state"]?.string == "checked_in")
    }
}
