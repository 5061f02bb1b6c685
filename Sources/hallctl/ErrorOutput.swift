import ArgumentParser
import Foundation

extension HallCtl {
    /// Runs the command line. halld's refusals and connection failures are printed as they are, in
    /// Chinese and without ArgumentParser's English "Error:" prefix; a wrong command line says what
    /// is wrong and where the usage is.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as APIClient.ClientError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(withError: ExitCode.failure)
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data((error.message + "\n（hallctl help 查看命令用法）\n").utf8))
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(withError: error)
        }
    }
}
