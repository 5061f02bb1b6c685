/// Everything the working-day calendar refuses: questions about years it has no official schedule
/// for, and schedules that break the import rules.
public enum CalendarError: HallFailure, Equatable {
    /// The question needs a year whose official holiday schedule has not been imported.
    case notCovered(year: Int)
    /// A schedule for this year is already loaded and replacing was not asked for.
    case duplicateYear(Int)
    /// The data is not a schedule at all (bad JSON, missing field, bad date text).
    case malformedSchedule(String)
    case implausibleYear(Int)
    case unnamedHoliday(first: LocalDay)
    case reversedHoliday(name: String, first: LocalDay, last: LocalDay)
    /// `entry` names the holiday or make-up day whose `day` is outside the schedule's `year`.
    case dateOutsideYear(entry: String, day: LocalDay, year: Int)
    case overlappingHolidays(String, String)
    case makeUpNotWeekend(LocalDay)
    case makeUpInsideHoliday(day: LocalDay, holiday: String)
    case duplicateMakeUpDay(LocalDay)
    case makeUpForUnknownHoliday(day: LocalDay, holiday: String)
    /// A working-day count below zero.
    case negativeCount(Int)

    public var code: String {
        switch self {
        case .notCovered: "calendar_not_covered"
        case .duplicateYear: "calendar_duplicate_year"
        case .malformedSchedule: "calendar_malformed"
        case .implausibleYear: "calendar_implausible_year"
        case .unnamedHoliday: "calendar_unnamed_holiday"
        case .reversedHoliday: "calendar_reversed_holiday"
        case .dateOutsideYear: "calendar_date_outside_year"
        case .overlappingHolidays: "calendar_overlapping_holidays"
        case .makeUpNotWeekend: "calendar_make_up_not_weekend"
        case .makeUpInsideHoliday: "calendar_make_up_inside_holiday"
        case .duplicateMakeUpDay: "calendar_duplicate_make_up_day"
        case .makeUpForUnknownHoliday: "calendar_make_up_unknown_holiday"
        case .negativeCount: "calendar_negative_count"
        }
    }

    public var message: String {
        switch self {
        case .notCovered(let year):
            "尚未导入\(year)年的法定节假日安排，无法按工作日计算期限。请管理员导入国务院办公厅公布的\(year)年节假日安排。"
        case .duplicateYear(let year): "\(year)年的节假日安排已存在；如需更新，请选择覆盖导入。"
        case .malformedSchedule(let detail): "节假日安排文件格式不正确：\(detail)"
        case .implausibleYear(let year): "年份\(year)不合理，请检查文件中的year字段。"
        case .unnamedHoliday(let first): "从\(first)开始的假期缺少名称。"
        case .reversedHoliday(let name, let first, let last): "“\(name)”的开始日期\(first)晚于结束日期\(last)。"
        case .dateOutsideYear(let entry, let day, let year): "“\(entry)”的日期\(day)不在\(year)年内。"
        case .overlappingHolidays(let a, let b): "“\(a)”与“\(b)”的放假日期重叠。"
        case .makeUpNotWeekend(let day): "调休上班日\(day)不是星期六或星期日。"
        case .makeUpInsideHoliday(let day, let holiday): "调休上班日\(day)落在“\(holiday)”假期之内。"
        case .duplicateMakeUpDay(let day): "调休上班日\(day)重复出现。"
        case .makeUpForUnknownHoliday(let day, let holiday): "调休上班日\(day)对应的假期“\(holiday)”不在本年安排中。"
        case .negativeCount(let n): "工作日数不能为负数（\(n)）。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .notCovered, .duplicateYear: .conflict
        default: .invalidInput
        }
    }
}
