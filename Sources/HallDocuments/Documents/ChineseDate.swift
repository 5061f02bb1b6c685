import HallCore

extension LocalDay {
    /// The date as written on Chinese forms: 2026年11月25日.
    public var chineseText: String {
        "\(year)年\(month)月\(day)日"
    }
}
