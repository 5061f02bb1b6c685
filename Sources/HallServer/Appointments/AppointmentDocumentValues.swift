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

extension DocumentWording {
    /// A material's name: the catalog's Mongolian name (`nameMn`) above or below the Chinese in the
    /// order of the languages when the hall prints Mongolian and the catalog has one, else the Chinese.
    func materialName(_ material: VisitMaterial) -> String { name(material.name, mongolian: material.nameMn) }

    /// A material's form in each language when it is one of the catalog's (原件, 复印件, 原件及复印件,
    /// `doc.value.form.*`), else as written (— when empty: an extra item of a visit plan).
    func materialForm(_ form: String) -> String {
        guard let known = MaterialForm.allCases.first(where: { $0.label == form }) else { return form.isEmpty ? "—" : form }
        return label(HallDocuments.ReceivedMaterial.Form(known).wordingKey)
    }
}

extension HallDocuments.ReceivedMaterial.Form {
    /// The notices' form of a catalog material's `MaterialForm`.
    init(_ form: MaterialForm) {
        switch form {
        case .original: self = .original
        case .copy: self = .copy
        case .originalAndCopy: self = .originalAndCopy
        }
    }
}
