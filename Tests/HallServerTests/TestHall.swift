import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import HTTPTypes

/// A demo-configured server on a fresh temporary database.
func makeServer(_ adjust: (inout HallConfiguration) -> Void = { _ in }) throws -> (HallServer, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-server-\(UUID().uuidString)")
    var configuration = HallConfiguration.demo
    configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
    configuration.stateDirectory = folder.path
    configuration.hardware = .none
    adjust(&configuration)
    return (try HallServer(configuration: configuration), folder)
}

extension TestClientProtocol {
    /// Sends JSON text and returns status and body text.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil) async throws -> (HTTPResponse.Status, String) {
        try await execute(uri: uri, method: method, headers: json == nil ? [:] : [.contentType: "application/json"],
                          body: json.map { ByteBuffer(string: $0) }) { response in
            (response.status, String(buffer: response.body))
        }
    }

    /// Sends and decodes a successful answer.
    func decode<T: Decodable>(_ type: T.Type, _ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil) async throws -> T {
        let (_, body) = try await send(method, uri, json)
        return try HallJSON.decoder().decode(T.self, from: Data(body.utf8))
    }
}

func errorBody(_ text: String) throws -> ErrorBody {
    try JSONDecoder().decode(ErrorBody.self, from: Data(text.utf8))
}
