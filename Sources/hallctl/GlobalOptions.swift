import ArgumentParser
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "halld's base URL (default: $HALL_URL or http://127.0.0.1:8080).")
    var url: String?

    @Flag(help: "Print the daemon's JSON answer instead of text.")
    var json = false

    var client: APIClient {
        let text = url ?? ProcessInfo.processInfo.environment["HALL_URL"] ?? "http://127.0.0.1:8080"
        return APIClient(baseURL: URL(string: text) ?? URL(string: "http://127.0.0.1:8080")!, token: TokenStore.current())
    }

    /// Prints either the raw JSON or the text rendering.
    func output(_ data: Data, text: () throws -> String) rethrows {
        if json {
            let object = try? JSONSerialization.jsonObject(with: data)
            let pretty = object.flatMap {
                try? JSONSerialization.data(withJSONObject: $0, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            }
            print(String(decoding: pretty ?? data, as: UTF8.self))
        } else {
            print(try text())
        }
    }
}
