import HallCore
import HallDocuments
import HallPrinter

/// The fixed lines of a thermal receipt or wait slip (the catalogs' `receipt.*` and `slip.*` keys)
/// and the wording of their values (`receipt.value.*`, `slip.value.*`): the Chinese as printed in the
/// printer's own font and, in a bilingual hall, their twins in the hall's second language (its
/// catalog with the head's corrections), printed as images.
struct ReceiptWording {
    /// The Chinese of every key, as printed before the catalogs had these keys (data/i18n/zh.json
    /// holds the same text; a test checks it).
    static let chinese: [String: String] = [
        "receipt.agent": "代理人",
        "receipt.applicant": "申请人",
        "receipt.caseNumber": "受理编号",
        "receipt.enquiries": "如有疑问请致电 {phone}",
        "receipt.fee": "服务费用",
        "receipt.finishedOnSite": "当场办结",
        "receipt.free": "不收费",
        "receipt.issuedOnSite": "本回执由上门服务人员现场出具",
        "receipt.item": "办理事项",
        "receipt.number": "回执编号",
        "receipt.pending": "待办事项",
        "receipt.phone": "联系电话",
        "receipt.result": "办理结果",
        "receipt.staff": "上门人员",
        "receipt.summary": "办理情况",
        "receipt.title": "上门服务回执",
        "receipt.value.followUp": "未办结，跟踪督办",
        "receipt.value.unfinishedBy": "未办结，{date}前办结",
        "receipt.visitDate": "上门日期",
        "slip.afterClosing": "预计在下班后叫到您，工作人员将继续为您办理（延时服务）。",
        "slip.closing": "今日下班",
        "slip.contact": "可告知工作人员留下联系方式，",
        "slip.estimatedWait": "预计等候",
        "slip.expectedCall": "预计叫号",
        "slip.free": "延时服务不收取任何费用。",
        "slip.number": "号码",
        "slip.peopleAhead": "前面等候",
        "slip.phone": "咨询电话：{phone}",
        "slip.printedAt": "打印时间",
        "slip.result": "办结后告知您结果。",
        "slip.service": "业务",
        "slip.title": "等候告知单",
        "slip.value.aboutMinutes": "约 {minutes} 分钟",
        "slip.value.aboutTime": "约 {time}",
        "slip.value.people": "{count} 人",
        "slip.value.soon": "即将叫号",
        "slip.voluntary": "是否继续等候由您自愿选择；如不便等候，",
    ]

    private let second: MessageCatalog?
    private let first: Bool
    /// Chinese line → its twin, as the lines are asked for.
    private var twins: [String: String] = [:]

    /// `wording`: the hall's resident wording (nil, or a Chinese-only hall's: no twins);
    /// `centerName` gets `mongolianName` as its twin when the second language is Mongolian.
    init(wording: ResidentWording?, centerName: String, mongolianName: String) {
        guard let wording, let language = wording.languages.others.first, let catalog = wording.catalog(language) else {
            second = nil
            first = true
            return
        }
        second = catalog
        first = wording.languages.precedesChinese(language)
        if language == .mn && !mongolianName.isEmpty { twins[centerName] = mongolianName }
    }

    /// The Chinese line of `key` with `values` filled in; its twin is remembered.
    mutating func line(_ key: String, _ values: [String: String] = [:]) -> String {
        let chinese = MessageCatalog.fill(Self.chinese[key] ?? "", values)
        if let text = second?.text(key, values) { twins[chinese] = text }
        return chinese
    }

    /// A field labelled by `key`, the label's twin remembered; `twinValue` (e.g. a service's name in
    /// the second script, when the hall has one) follows the label in that twin.
    mutating func field(_ key: String, _ value: String, twinValue: String? = nil) -> ReceiptDocument.Field {
        let label = line(key)
        if let twinValue, !twinValue.isEmpty, let twin = twins[label] { twins[label] = twin + " " + twinValue }
        return ReceiptDocument.Field(label, value)
    }

    /// A field whose value is wording too (服务费用 不收费, 前面等候 3 人): the value is `valueKey`'s
    /// text with `values` and `dates` filled in (a date as 2026-10-03 in Chinese, 2026.10.03 in the
    /// other script), and the label's twin carries both.
    mutating func field(
        _ key: String, fixedValue valueKey: String, _ values: [String: String] = [:], dates: [String: LocalDay] = [:]
    ) -> ReceiptDocument.Field {
        var chineseValues = values, otherValues = values
        for (name, day) in dates {
            chineseValues[name] = day.description
            otherValues[name] = DocumentWording.numericDate(day)
        }
        let label = line(key), value = MessageCatalog.fill(Self.chinese[valueKey] ?? "", chineseValues)
        if let twin = twins[label], let other = second?.text(valueKey, otherValues) { twins[label] = twin + " " + other }
        return ReceiptDocument.Field(label, value)
    }

    /// The twins of the lines asked for so far; nil in a Chinese-only hall.
    var secondScript: ReceiptSecondScript? { second.map { _ in ReceiptSecondScript(twins: twins, first: first) } }
}
