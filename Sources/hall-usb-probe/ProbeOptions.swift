import HallTransport

/// Command line of `hall-usb-probe`.
///
///     hall-usb-probe [--vid HEX] [--pid HEX] [--class N | --no-class] [--timeout MS]
///                    [--serial CHIP --line 9600/8N1] run OP...
///         OP: open | close | write:HEXBYTES | read:N
///         OP: monitor | plug | unplug | await:arrived | await:left | await:present | await:absent  (see ProbeSession)
///     hall-usb-probe [match options] list
struct ProbeOptions {
    var match = USBDeviceMatch.anyPrinter
    var timeoutMilliseconds = 1000
    var command = ""
    var operations: [String] = []
    var pollMilliseconds: Int?
    var waitMilliseconds = 10_000
    /// A USB-serial bridge (`USBSerialConnection`) instead of a plain bulk device.
    var serialChip: USBSerialChipKind?
    var serialSettings = SerialSettings()

    enum ParseError: Error, CustomStringConvertible {
        case bad(String)
        var description: String {
            switch self {
            case .bad(let s): s
            }
        }
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
            case "--serial":
                let name = try value(argument)
                guard let chip = USBSerialChipKind(rawValue: name) else { throw .bad("--serial: unknown chip \(name)") }
                options.serialChip = chip
            case "--line":
                let text = try value(argument)
                guard let settings = parseSerialSettings(text) else { throw .bad("--line: expected e.g. 9600/8N1, got \(text)") }
                options.serialSettings = settings
            default:
                if options.command.isEmpty { options.command = argument } else { options.operations.append(argument) }
            }
        }
        guard ["run", "list"].contains(options.command) else {
            throw .bad(
                "usage: hall-usb-probe [--vid HEX] [--pid HEX] [--class N|--no-class] [--timeout MS] "
                    + "[--poll MS] [--wait MS] run OP... | list")
        }
        return options
    }
}

/// `9600/8N1`, `19200/7E2` as line settings.
func parseSerialSettings(_ text: String) -> SerialSettings? {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let baud = Int(parts[0]), parts[1].count == 3 else { return nil }
    let format = Array(parts[1])
    guard let bits = Int(String(format[0])), let stop = Int(String(format[2])) else { return nil }
    let parity: SerialSettings.Parity
    switch format[1] {
    case "N": parity = .none
    case "E": parity = .even
    case "O": parity = .odd
    default: return nil
    }
    return SerialSettings(baudRate: baud, dataBits: bits, parity: parity, stopBits: stop)
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
