import HallTransport

/// Command line of `hall-usb-probe`.
///
///     hall-usb-probe [--vid HEX] [--pid HEX] [--class N | --no-class] [--timeout MS] run OP...
///         OP: open | close | write:HEXBYTES | read:N
///         OP: monitor | plug | unplug | await:arrived | await:left  (hotplug, see ProbeSession)
///     hall-usb-probe [match options] list
struct ProbeOptions {
    var match = USBDeviceMatch.anyPrinter
    var timeoutMilliseconds = 1000
    var command = ""
    var operations: [String] = []
    var pollMilliseconds: Int?
    var waitMilliseconds = 10_000

    enum ParseError: Error, CustomStringConvertible {
        case bad(String)
        var description: String { switch self { case .bad(let s): s } }
    }

    static func parse(_ arguments: [String]) throws(ParseError) -> ProbeOptions {
        var options = ProbeOptions()
        var rest = arguments[...]
        func value(_ flag: String) throws(ParseError) -> String {
            guard let next = rest.popFirst() else { throw .bad("\(flag) needs a value") }
            return next
        }
        func hex16(_ flag: String) throws(ParseError) -> UInt16 {
            let text = try value(flag)
            guard let number = UInt16(text, radix: 16) else { throw .bad("\(flag): not hex: \(text)") }
            return number
        }
        func int(_ flag: String) throws(ParseError) -> Int {
            let text = try value(flag)
            guard let number = Int(text) else { throw .bad("\(flag): not a number: \(text)") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--vid": options.match.vendorID = try hex16(argument)
            case "--pid": options.match.productID = try hex16(argument)
            case "--class": options.match.interfaceClass = UInt8(clamping: try int(argument))
            case "--no-class": options.match.interfaceClass = nil
            case "--timeout": options.timeoutMilliseconds = try int(argument)
            case "--poll": options.pollMilliseconds = try int(argument)
            case "--wait": options.waitMilliseconds = try int(argument)
            default:
                if options.command.isEmpty { options.command = argument } else { options.operations.append(argument) }
            }
        }
        guard ["run", "list"].contains(options.command) else {
            throw .bad("usage: hall-usb-probe [--vid HEX] [--pid HEX] [--class N|--no-class] [--timeout MS] "
                       + "[--poll MS] [--wait MS] run OP... | list")
        }
        return options
    }
}

/// Bytes from a hex string such as `1b40` (case-insensitive, even length).
func bytes(fromHex text: String) -> [UInt8]? {
    let chars = Array(text)
    guard chars.count % 2 == 0 else { return nil }
    var result: [UInt8] = []
    for i in stride(from: 0, to: chars.count, by: 2) {
        guard let byte = UInt8(String(chars[i...i + 1]), radix: 16) else { return nil }
        result.append(byte)
    }
    return result
}

/// Lowercase hex of bytes.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
