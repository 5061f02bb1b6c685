import Foundation
import Testing

/// A PNM image as `scanimage --format=pnm` writes it (P4 bitmap, P5 grey, P6 colour).
struct PNM {
    let kind: String
    let width: Int
    let height: Int
    let pixels: Data

    /// Parses header tokens, skipping `#` comments.
    init(_ data: Data) throws {
        var tokens: [String] = []
        var index = data.startIndex
        let wanted = data.prefix(2) == Data("P4".utf8) ? 3 : 4
        while tokens.count < wanted, index < data.endIndex {
            let byte = data[index]
            if byte == UInt8(ascii: "#") {
                while index < data.endIndex, data[index] != 0x0A { index += 1 }
            } else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
            } else {
                var token = ""
                while index < data.endIndex, ![0x20, 0x0A, 0x0D, 0x09].contains(data[index]) {
                    token.append(Character(UnicodeScalar(data[index])))
                    index += 1
                }
                tokens.append(token)
            }
        }
        try #require(tokens.count == wanted)
        kind = tokens[0]
        width = try #require(Int(tokens[1]))
        height = try #require(Int(tokens[2]))
        pixels = Data(data[(index + 1)...])
    }
}
