import Foundation
import HallCore

/// Text renderings of the intake API's answers (Chinese).
enum CaseRendering {
    /// A pre-review answer (the fields hallctl shows).
    struct PreReviewAnswer: Decodable {
        struct Notice: Decodable {
            struct Print: Decodable { var status: String; var message: String?; var jobID: Int? }
            var kind: String
            var url: String
            var print: Print
        }
        var outcome: String
        var `case`: Case
        var corrections: [CorrectionItem]
        var notice: Notice?
        var noticeError: [String: String]?
    }

    struct CaseDetail: Decodable {
        struct Notice: Decodable { var kind: String; var sequence: Int; var printStatus: String; var printError: String? }
        var `case`: Case
        var notices: [Notice]
    }

    static func summary(_ c: Case, names: StaffNames = StaffNames()) -> String {
        var parts = [
            c.number ?? "#\(c.id)", c.state.label, c.item.name, "申请人 \(c.applicant.masked.name)", "经办 \(names.callName(c.owner))",
        ]
        if let promised = c.promisedDay { parts.append("承诺办结 \(promised)\(c.hasProvisionalDates ? "（暂定）" : "")") }
        return parts.joined(separator: "  ")
    }

    /// One line of a department's inbox.
    static func review(_ v: ReviewerCaseView) -> String {
        var parts = [
            v.number ?? "#\(v.caseID)", v.stateLabel, v.itemName, "申请人 \(v.applicant.name)",
            "本部门 \(decision(v.review.decision))",
        ]
        if let promised = v.promisedDay { parts.append("承诺办结 \(promised)") }
        if v.awaitingAnswer, let left = v.workingDaysLeft { parts.append(v.deadlineLevel == .overdue ? "已超期" : "剩 \(left) 个工作日") }
        return parts.joined(separator: "  ")
    }

    static func detail(_ d: CaseDetail, names: StaffNames = StaffNames()) -> String {
        let c = d.case
        var lines = [summary(c, names: names), "送达方式：\(c.delivery.label)" + (c.trackingNumber.map { "（单号 \($0)）" } ?? "")]
        if c.state == .correctionNeeded, let deadline = c.correctionDeadline {
            lines.append("补正期限：\(deadline)")
            lines += c.corrections.enumerated().map { "  \($0.offset + 1). \($0.element.name)：\($0.element.reason)" }
        }
        if !c.reviews.isEmpty {
            lines.append("部门审批：")
            lines += c.reviews.map { "  \($0.department.name)：\(decision($0.decision))" + ($0.reviewer.map { "（\(names.callName($0))）" } ?? "") }
        }
        if let result = c.result { lines.append("办理结果：\(result.isApproved ? "准予" : "不予")") }
        if !d.notices.isEmpty {
            lines.append("告知书：")
            lines += d.notices.map { "  \($0.kind)-\($0.sequence)  打印 \(printLabel($0.printStatus))" + ($0.printError.map { "：\($0)" } ?? "") }
        }
        return lines.joined(separator: "\n")
    }

    static func preReview(_ a: PreReviewAnswer) -> String {
        var lines: [String] = []
        if a.outcome == "accepted" {
            lines.append("已受理 \(a.case.number ?? "")，承诺办结日期 \(a.case.promisedDay.map(String.init(describing:)) ?? "-")")
            lines.append("已分送：" + a.case.reviews.map(\.department.name).joined(separator: "、"))
        } else {
            lines.append("材料需补正（共 \(a.corrections.count) 项），补正期限 \(a.case.correctionDeadline.map(String.init(describing:)) ?? "-")")
            lines += a.corrections.enumerated().map { "  \($0.offset + 1). \($0.element.name)：\($0.element.reason)" }
        }
        if let notice = a.notice {
            lines.append("告知书：\(notice.url)  打印 \(printLabel(notice.print.status))" + (notice.print.message.map { "：\($0)" } ?? ""))
        } else if let error = a.noticeError {
            lines.append("告知书未生成：\(error["message"] ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    static func board(_ rows: [CaseDeadlineStatus], names: StaffNames = StaffNames()) -> String {
        guard !rows.isEmpty else { return "没有在办案件。" }
        return rows.map { s in
            let level = s.level == .overdue ? "已超期" : s.level == .dueSoon ? "即将到期" : "正常"
            let waiting = s.waitingFor.isEmpty ? "" : "  待：\(s.waitingFor.joined(separator: "、"))"
            let reference = s.number ?? "#\(s.caseID)"
            return "\(Rendering.pad(level, 10))\(reference)  \(s.itemName)  承诺 \(s.promisedDay)  "
                + "剩 \(s.workingDaysLeft) 个工作日  经办 \(names.callName(s.owner))\(waiting)"
        }.joined(separator: "\n")
    }

    static func decision(_ d: ReviewDecision) -> String {
        switch d {
        case .pending: "待审批"
        case .approved: "通过"
        case .rejected(let reason): "不通过（\(reason)）"
        case .needsInspection(let note): "需现场核查（\(note)）"
        }
    }

    static func printLabel(_ status: String) -> String {
        switch status {
        case "printed": "已打印"
        case "failed": "失败"
        case "not_configured": "未配置打印机"
        default: "待打印"
        }
    }
}
