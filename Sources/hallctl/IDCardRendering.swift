import Foundation
import HallCore

/// How `hallctl idcard read` prints a card: what an identity check needs, the ID number masked
/// unless asked for whole.
enum IDCardRendering {
    static func text(_ h: IDCardHolder, today: LocalDay, full: Bool) -> String {
        let until = h.validUntil?.description ?? "长期"
        let expired = h.isExpired(on: today) ? "（已过期）" : ""
        return """
            姓名：\(h.name)  性别：\(h.sex.label)  民族：\(h.nation)
            出生：\(h.birthDate)（\(h.age(on: today)) 岁）
            公民身份号码：\(full ? h.idNumber.value : h.idNumber.masked)（校验位正确）
            住址：\(h.address)
            签发机关：\(h.authority)  有效期限：\(h.validFrom) 至 \(until)\(expired)
            """
    }

    static func json(_ h: IDCardHolder, today: LocalDay, full: Bool) -> String {
        let fields: [String: Any] = [
            "name": h.name, "sex": h.sex.label, "nation": h.nation, "birthDate": h.birthDate.description,
            "age": h.age(on: today), "idNumber": full ? h.idNumber.value : h.idNumber.masked, "address": h.address,
            "authority": h.authority, "validFrom": h.validFrom.description, "validUntil": h.validUntil?.description ?? "长期",
            "expired": h.isExpired(on: today), "checkDigitValid": true,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The daemon's answer to `POST /api/idcard/read`.
    static func remote(_ data: Data, full: Bool) throws -> String {
        let o = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        let id = o["idNumber"] as? String ?? ""
        let expired = (o["expired"] as? Bool) == true ? "（已过期）" : ""
        return """
            姓名：\(o["name"] ?? "")  性别：\(o["sex"] ?? "")  民族：\(o["nation"] ?? "")
            出生：\(o["birthDate"] ?? "")（\(o["age"] ?? "") 岁）
            公民身份号码：\(full ? id : PersonalDataMask.idNumber(id))（校验位正确）
            住址：\(o["address"] ?? "")
            有效期限：\(o["validFrom"] ?? "") 至 \(o["validUntil"] ?? "")\(expired)
            """
    }
}
