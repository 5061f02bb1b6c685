import Foundation
import HallTransport

// hall-usb-probe: drives HallTransport's USB code from the command line, one JSON line per
// step. Tests run it under umockdev (emulated USB devices); it also helps on a real kiosk.

let options: ProbeOptions
do {
    options = try ProbeOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(64)
}

switch options.command {
case "list":
    exit(ProbeCommands.list(options))
default:
    exit(ProbeCommands.run(options))
}
