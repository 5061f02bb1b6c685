/// Everything appointments refuse, with a message a clerk (or a resident at the kiosk) can act on.
/// Messages never carry a resident's personal data.
public enum AppointmentError: HallFailure, Equatable {
    case badTime(String)
    case badTimeRange(String, String)
    case badCapacity(Int)
    /// A statutory working day (Monday–Friday outside holidays): no appointment slots.
    case workingDay(LocalDay)
    /// A make-up working Saturday/Sunday (调休上班): a working day, no appointment slots.
    case makeUpWorkday(LocalDay, holiday: String)
    case dayPassed(LocalDay)
    case tooShortNotice(day: LocalDay, earliest: LocalDay, workingDays: Int)
    case missingField(String)
    case unknownService(String)
    case duplicateSlot(String)
    case unknownSlot(Int64)
    case unknownStaff(String)
    case itemNotInSlot(item: String, slot: String)
    case slotFull(String)
    case alreadyBooked(String)
    case suspended(until: LocalDay)
    case unknownAppointment(String)
    case unknownCode
    case notToday(LocalDay)
    case tooEarlyToCheckIn(slot: String, from: String)
    case checkInClosed(String)
    case alreadyCheckedIn(ticket: String)
    case invalidState(action: String, state: AppointmentState)
    case reasonRequired(String)
    case unknownSuspension(Int64)
    case suspensionNotActive(Int64)
    case codesExhausted
    /// The slot's duty is already in the staff ledger: its staff can no longer be changed.
    case dutyAlreadyRecorded(String)

    public var code: String {
        switch self {
        case .badTime: "bad_time"
        case .badTimeRange: "bad_time_range"
        case .badCapacity: "bad_capacity"
        case .workingDay: "slot_on_working_day"
        case .makeUpWorkday: "slot_on_make_up_workday"
        case .dayPassed: "day_passed"
        case .tooShortNotice: "too_short_notice"
        case .missingField: "missing_field"
        case .unknownService: "unknown_service"
        case .duplicateSlot: "duplicate_slot"
        case .unknownSlot: "unknown_slot"
        case .unknownStaff: "unknown_staff"
        case .itemNotInSlot: "item_not_in_slot"
        case .slotFull: "slot_full"
        case .alreadyBooked: "already_booked"
        case .suspended: "booking_suspended"
        case .unknownAppointment: "unknown_appointment"
        case .unknownCode: "unknown_booking_code"
        case .notToday: "appointment_not_today"
        case .tooEarlyToCheckIn: "check_in_too_early"
        case .checkInClosed: "check_in_closed"
        case .alreadyCheckedIn: "already_checked_in"
        case .invalidState: "invalid_appointment_state"
        case .reasonRequired: "reason_required"
        case .unknownSuspension: "unknown_suspension"
        case .suspensionNotActive: "suspension_not_active"
        case .codesExhausted: "booking_codes_exhausted"
        case .dutyAlreadyRecorded: "duty_already_recorded"
        }
    }

    public var message: String {
        switch self {
        case .badTime(let t): "时间“\(t)”格式不正确，请写成 09:00 这样的形式。"
        case .badTimeRange(let from, let to): "时段 \(from)–\(to) 无效：开始时间须早于结束时间，且在当天之内。"
        case .badCapacity(let n): "可预约人数 \(n) 无效，应为 1 到 200 之间的整数。"
        case .workingDay(let d): "\(Self.date(d))是法定工作日，群众可正常到大厅办理，不开放预约时段；预约服务只在双休日和法定节假日开放。"
        case .makeUpWorkday(let d, let h):
            "\(Self.date(d))是\(h.isEmpty ? "" : "“\(h)”的")调休上班日，按法定工作日正常办公，不开放预约时段。"
        case .dayPassed(let d): "\(Self.date(d))已过或就是今天，不能再预约。"
        case .tooShortNotice(let day, let earliest, let n):
            "须提前\(n)个工作日预约：\(Self.date(day))距今不足\(n)个工作日（按国家法定节假日安排计算），最早可预约\(Self.date(earliest))及以后的日期。"
        case .missingField(let f): "请填写\(f)。"
        case .unknownService(let s): "没有“\(s)”这项业务，请从业务列表中选择。"
        case .duplicateSlot(let s): "\(s) 已有相同业务的预约时段。"
        case .unknownSlot(let id): "找不到预约时段 #\(id)。"
        case .unknownStaff(let u): "找不到在岗工作人员账号“\(u)”，请核对用户名（账号须已启用）。"
        case .itemNotInSlot(let item, let slot): "时段 \(slot) 不受理“\(item)”，请选择其他时段。"
        case .slotFull(let s): "时段 \(s) 已约满，请选择其他时段。"
        case .alreadyBooked(let s): "该居民已预约时段 \(s)，无需重复预约。"
        case .suspended(let until):
            "该居民因连续三次无故取消预约，已被暂停预约服务至\(Self.date(until))。如有正当理由，请联系中心负责人解除。"
        case .unknownAppointment(let a): "找不到预约\(a)。"
        case .unknownCode: "预约码不正确，请核对后重新输入；也可请工作人员按手机号或身份证号查询。"
        case .notToday(let d): "您的预约日期是\(Self.date(d))，不是今天，请在预约当天前来签到。"
        case .tooEarlyToCheckIn(let slot, let from): "您预约的时间是\(slot)，请于\(from)以后签到。"
        case .checkInClosed(let slot): "您预约的时间\(slot)已过，本次预约视为取消；如需办理请重新预约，或直接取号。"
        case .alreadyCheckedIn(let t): "该预约已签到，您的排队号码是 \(t)，请留意叫号。"
        case .invalidState(let action, let state): "该预约当前状态为“\(state.label)”，不能\(action)。"
        case .reasonRequired(let action): "\(action)时必须写明理由。"
        case .unknownSuspension(let id): "找不到暂停记录 #\(id)。"
        case .suspensionNotActive(let id): "暂停记录 #\(id) 已结束或已解除。"
        case .codesExhausted: "暂时无法生成预约码，请稍后重试。"
        case .dutyAlreadyRecorded(let s): "时段 \(s) 的值班时长已记入登记台账，不能再更换值班人员；如有出入，请中心负责人在台账中调整。"
        }
    }

    public var kind: FailureKind {
        switch self {
        // Naming a service or a staff member the hall does not have is 404, as elsewhere in the API.
        case .unknownSlot, .unknownAppointment, .unknownCode, .unknownSuspension, .unknownService, .unknownStaff: .notFound
        case .slotFull, .alreadyBooked, .suspended, .duplicateSlot, .notToday, .tooEarlyToCheckIn, .checkInClosed,
            .alreadyCheckedIn, .invalidState, .suspensionNotActive, .dutyAlreadyRecorded:
            .conflict
        case .codesExhausted: .unavailable
        default: .invalidInput
        }
    }

    /// The values of the check-in refusals a resident reads at the kiosk.
    public var messageValues: [String: String] {
        switch self {
        case .notToday(let d): ["year": String(d.year), "month": String(d.month), "day": String(d.day)]
        case .tooEarlyToCheckIn(let slot, let from): ["slot": slot, "from": from]
        case .checkInClosed(let slot): ["slot": slot]
        case .alreadyCheckedIn(let ticket): ["ticket": ticket]
        default: [:]
        }
    }

    /// A date as written in Chinese: 2026年12月5日.
    static func date(_ day: LocalDay) -> String { "\(day.year)年\(day.month)月\(day.day)日" }
}
