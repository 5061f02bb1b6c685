import ArgumentParser

/// `hall-emulator`: virtual devices for demos and tests, one subcommand per device kind.
@main
struct HallEmulator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hall-emulator",
        abstract: "Virtual devices of the Hall service center (ticket printer, call displays, ID card reader).",
        subcommands: [PrinterCommand.self, DisplayCommand.self, IDCardCommand.self])
}
