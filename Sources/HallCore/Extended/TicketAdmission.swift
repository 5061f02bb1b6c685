import Foundation

/// Whether the kiosk may issue a ticket now.
///
/// After closing time on a working day, and all day when the hall is closed, the kiosk refuses
/// new tickets with a message saying why and when the hall opens next. Residents already holding a
/// ticket are served in extended hours. Staff may still issue a ticket for a resident who was in
/// the hall before closing (e.g. one who missed the kiosk); it joins the extended period. Before
/// opening and at midday the kiosk issues tickets as usual (residents may queue early). Without
/// the official calendar of the year, nothing is refused (hours unknown).
public enum TicketAdmission {
    /// The refusal text, or nil when the ticket may be issued.
    public static func refusal(at now: Date, today: DayHours, next: DayHours?, issuedByDevice: Bool) -> String? {
        guard issuedByDevice else { return nil }
        let reopen = next.map { "下一个办公日：\($0.openingLabel)。" } ?? ""
        guard today.isOpenDay, let closesAt = today.closesAt else {
            return "今天（\(today.day.month)月\(today.day.day)日，\(today.closedReason)）大厅不对外办公，取号机暂停取号。\(reopen)"
                + "如需在休息日办理，请提前两个工作日预约。"
        }
        guard now >= closesAt else { return nil }
        return "今天的办公时间已于 \(today.closing!) 结束，取号机暂停取号。已经取号的群众，工作人员将继续为您办理（延时服务）。\(reopen)"
    }
}
