/// Notices carry personal data (name, ID number, postal address). What logs and string
/// interpolation see is only the document kind, the case number and the item.
extension AcceptanceNotice: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "受理通知书(\(caseNumber), \(itemName), \(applicant))" }
    public var debugDescription: String { description }
}

extension CorrectionNotice: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "补正告知书(\(caseNumber), \(itemName), \(applicant), \(corrections.count) 项)"
    }
    public var debugDescription: String { description }
}

extension NoticeApplicant: CustomDebugStringConvertible {
    public var debugDescription: String { description }
}
