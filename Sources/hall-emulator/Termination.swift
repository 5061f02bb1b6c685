import Foundation

/// Returns when the process gets SIGINT or SIGTERM (the emulators' way to stop cleanly).
func waitForTermination() async {
    let (stream, continuation) = AsyncStream<Void>.makeStream()
    var sources: [DispatchSourceSignal] = []
    for sig in [SIGINT, SIGTERM] {
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig)
        source.setEventHandler { continuation.yield() }
        source.resume()
        sources.append(source)
    }
    for await _ in stream { break }
    sources.forEach { $0.cancel() }
}
