import HallCore
import HallDocuments

/// The catalog keys of the fixed values printed on confirmations and visit plans (`doc.value.*`):
/// each language's words for the booking channel, the eligibility and the weekday.
extension BookingChannel {
    /// `doc.value.channel.*`: 现场预约 / 电话预约 (`label`) in each language.
    var documentKey: String {
        switch self {
        case .inPerson: "doc.value.channel.inPerson"
        case .phone: "doc.value.channel.phone"
        }
    }
}

extension VisitEligibility {
    /// `doc.value.eligibility.*`: `label` in each language.
    var documentKey: String {
        switch self {
        case .elderly: "doc.value.eligibility.elderly"
        case .disabled: "doc.value.eligibility.disabled"
        case .seriouslyIll: "doc.value.eligibility.seriouslyIll"
        case .forceMajeure: "doc.value.eligibility.forceMajeure"
        case .other: "doc.value.eligibility.other"
        }
    }
}

extension DocumentWording {
    /// A day and a time in each language, one under the other: 2026年10月3日（星期六）09:00 in Chinese,
    /// 2026.10.03 (its weekday) 09:00 in Mongolian (`doc.value.dateTime`, `doc.value.weekday.1`–`7`, ISO order).
    func dateTime(_ day: LocalDay, _ time: String) -> String {
        label("doc.value.dateTime", ["time": time], dates: ["date": day], keys: ["weekday": "doc.value.weekday.\(day.isoWeekday)"])
    }
}
