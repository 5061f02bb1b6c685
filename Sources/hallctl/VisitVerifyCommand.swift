import ArgumentParser
import Foundation
import HallCore

extension VisitCommand {
    /// `hallctl visit verify <visit>`: the identity check on site — the card on the reader of this
    /// laptop (or of the window you work at) compared by halld with the visit's applicant. halld
    /// keeps the outcome and an audit entry; the card's data is sent once and kept nowhere.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the applicant's identity on site: read their ID card (local reader, or --window) and compare.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @OptionGroup var reader: LocalCardReader
        @Option(help: "Read on the reader of this window (you work there) instead of a local one.") var window: Int?
        @Option(help: "Seconds to wait for a card to be placed.") var wait: Double = 10

        func run() async throws {
            var body: [String: Any] = ["wait": wait]
            if let window {
                guard !reader.isGiven else { throw ValidationError("give --window or a local reader (--device, --usb), not both") }
                body["window"] = window
            } else {
                guard reader.isGiven else { throw ValidationError("give --device or --usb (the laptop's reader), or --window") }
                let today = LocalDay(Date(), in: HallTimeZone.current)
                let holder = try reader.read(wait: wait)
                body["card"] = ["name": holder.name, "idNumber": holder.idNumber.value, "expired": holder.isExpired(on: today)]
            }
            let data = try await options.client.send("POST", "api/visits/\(ref)/identity", body: body)
            try options.output(data) {
                let object = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
                let card = "\(object["card"] ?? "") \(object["idNumber"] ?? "")"
                return "\(object["visit"] ?? ref)  证件 \(card)  申请人 \(object["applicant"] ?? "")\n\(object["message"] ?? "")"
            }
            let identifies = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["identifies"] as? Bool
            if identifies != true { throw ExitCode(3) }
        }
    }
}
