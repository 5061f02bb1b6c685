import ArgumentParser

/// `hallctl`: the command-line client of halld.
@main
struct HallCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hallctl",
        abstract: "Command-line client of the hall daemon (halld).",
        subcommands: [
            LoginCommand.self, LogoutCommand.self, AccountCommand.self, TicketCommand.self, CallCommand.self, WindowCommand.self,
            StatusCommand.self, BackupCommand.self, CaseCommand.self, CatalogCommand.self, CalendarCommand.self,
            AppointmentCommand.self, VisitCommand.self,
            RatingCommand.self, ReportCommand.self, PostCommand.self,
            ScanCommand.self,
            HoursCommand.self, ExtendedCommand.self, LedgerCommand.self, FollowUpCommand.self,
            SetupCommand.self, IDCardCommand.self,
        ]
    )
}
