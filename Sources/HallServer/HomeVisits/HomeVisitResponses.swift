import HallCore
import HallPrinter
import HallStore

/// JSON answers of the home-visit API.
enum HomeVisitResponses {
    struct VisitCase: Encodable {
        var visit: HomeVisit
        var `case`: Case
    }

    struct Receipt: Encodable {
        var visit: HomeVisit
        var receipt: ReceiptDocument
        var print: PrintReport
    }
}
