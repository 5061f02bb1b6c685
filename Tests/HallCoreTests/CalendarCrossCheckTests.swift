import Foundation
import HallTestSupport
import Testing

@testable import HallCore

/// Compares every day of 2025 and 2026 with PyPI's `chinesecalendar` (an independent source),
/// through `data/calendar/check_chinesecalendar.py`.
///
/// Needs Python 3 with `chinesecalendar` installed (`pip install chinesecalendar`); the interpreter
/// is `$HALL_PYTHON` or `python3`. Without the package the test FAILS with instructions — it never
/// skips silently.
@Suite struct CalendarCrossCheckTests {
    @Test func everyDayOf2025And2026AgreesWithChinesecalendar() throws {
        let python = ProcessInfo.processInfo.environment["HALL_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            python, PackagePaths.url("data/calendar/check_chinesecalendar.py").path,
            "2025", "2026",
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            """
            The chinesecalendar oracle did not run (status \(process.terminationStatus)): \(errorText)
            Install it: pip install chinesecalendar (or set HALL_PYTHON to an interpreter that has it).
            """)

        let calendar = try IntakeTestData.calendar()
        var compared = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            let day = try #require(LocalDay(String(parts[0])))
            let oracleWorks = parts[1] == "W"
            #expect(try calendar.isWorkingDay(day) == oracleWorks, "\(day): chinesecalendar says \(parts[1])")
            compared += 1
        }
        #expect(compared == 365 + 365)
    }
}
