import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The scan helper's side (`halld scan-helper REQUEST`): runs one `SaneHelperRequest` with libsane
/// in this fresh process and writes its report (`SaneHelperMessage`) to standard output.
public enum SaneHelperChild {
    /// How long after the capture's own limit the helper ends itself whatever happens, in case
    /// halld died and nobody is left to kill it.
    static let selfDestructMargin: Duration = .seconds(30)

    /// Runs the request in `argument`; returns the exit status (0 once a report was written).
    public static func run(_ argument: String) async -> Int32 {
        let request: SaneHelperRequest
        do {
            request = try SaneHelperRequest.parse(argument)
        } catch {
            write(.failure(error))
            return 2
        }
        let limit = Duration.milliseconds(request.timeoutMilliseconds)
        startSelfDestruct(after: (request.operation == .list ? .seconds(60) : limit) + selfDestructMargin)
        SaneRuntime.shared.useConfigDirectory(request.configDirectory)
        do throws(ScannerError) {
            switch request.operation {
            case .list:
                write(.devices(try await SaneRuntime.shared.devices()))
            case .capture:
                let scanner = SaneScanner(device: request.device, timeout: limit)
                for page in try await scanner.capture(request.options ?? ScanOptions()) { write(.page(page)) }
            }
            write(.done)
        } catch {
            write(.failure(error))
        }
        return 0
    }

    /// Writes one message to standard output, whole; exits when halld is gone (the pipe is closed).
    private static func write(_ message: SaneHelperMessage) {
        let data = message.encoded()
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    _exit(3)
                }
                offset += written
            }
        }
    }

    private static func startSelfDestruct(after limit: Duration) {
        Thread.detachNewThread {
            let (seconds, _) = limit.components
            Thread.sleep(forTimeInterval: Double(seconds) + 1)
            _exit(4)
        }
    }
}
