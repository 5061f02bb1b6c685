/// Event names of material capture. Their `data` carries the case id and number, the material and
/// page counts — never an image or the applicant's personal data.
extension EventType {
    public static let caseCaptureAdded: EventType = "case.capture_added"
    public static let caseCaptureRemoved: EventType = "case.capture_removed"
}
