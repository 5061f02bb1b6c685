/// One answer to IPP Get-Job-Attributes.
struct CupsJobStatus: Sendable, Equatable {
    let state: PrintJobState
    let reasons: [String]
    let message: String?
}
