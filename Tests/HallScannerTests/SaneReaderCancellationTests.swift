import Foundation
import Synchronization
import Testing

@testable import HallScanner

#if canImport(Glibc)
    import Glibc
#endif

/// The deferring `pthread_setcanceltype` (`SaneReaderCancellation`) as libsane's backends see it:
/// a reader thread that asks for asynchronous cancellation is cancelled only at its next
/// cancellation point, never in the middle of what it is doing.
struct SaneReaderCancellationTests {
    /// What the reader-like thread and the test share.
    final class Reader: Sendable {
        let ready = Atomic<Bool>(false)
        let cancelSent = Atomic<Bool>(false)
        let ranAfterCancel = Atomic<Bool>(false)
    }

    /// Does what `sanei_thread`'s reader does first: `pthread_setcanceltype(ASYNCHRONOUS)`, found the
    /// way a shared library's relocation finds it (the process's first definition); then works
    /// without a cancellation point until the test has cancelled it, and ends at `pthread_testcancel`.
    private static let readerBody: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { context in
        guard let context, let symbol = dlsym(nil, "pthread_setcanceltype") else { return nil }
        let reader = Unmanaged<Reader>.fromOpaque(context).takeUnretainedValue()
        typealias SetCancelType = @convention(c) (Int32, UnsafeMutablePointer<Int32>?) -> Int32
        var previous: Int32 = 0
        _ = unsafeBitCast(symbol, to: SetCancelType.self)(Int32(PTHREAD_CANCEL_ASYNCHRONOUS), &previous)
        reader.ready.store(true, ordering: .releasing)
        while !reader.cancelSent.load(ordering: .acquiring) {}
        reader.ranAfterCancel.store(true, ordering: .releasing)
        pthread_testcancel()
        return nil
    }

    @Test func sharedLibrariesBindToTheDeferringDefinition() {
        #expect(SaneReaderCancellation.isInterposed, "libsane's backends would get glibc's pthread_setcanceltype")
    }

    @Test func anAsynchronousCancelWaitsForTheNextCancellationPoint() throws {
        let reader = Reader()
        let context = Unmanaged.passRetained(reader).toOpaque()
        defer { Unmanaged<Reader>.fromOpaque(context).release() }
        var thread = pthread_t()
        try #require(pthread_create(&thread, nil, Self.readerBody, context) == 0)
        while !reader.ready.load(ordering: .acquiring) { usleep(1_000) }
        #expect(pthread_cancel(thread) == 0)
        // An asynchronous cancel is a signal, handled before the thread runs on: give it time to land.
        usleep(50_000)
        reader.cancelSent.store(true, ordering: .releasing)
        var result: UnsafeMutableRawPointer?
        #expect(pthread_join(thread, &result) == 0)
        let ranAfterCancel = reader.ranAfterCancel.load(ordering: .acquiring)
        #expect(ranAfterCancel, "the cancel stopped the thread mid-work (asynchronous)")
        // PTHREAD_CANCELED: the thread was still cancelled, at pthread_testcancel.
        #expect(result == UnsafeMutableRawPointer(bitPattern: -1), "the thread was not cancelled at its cancellation point")
    }

    @Test func theScanHelperHasTheDeferringDefinitionToo() throws {
        let helper = try #require(SaneHelper.locate(), "no halld beside the test binary: build it (swift build --build-tests)")
        let symbols = String(decoding: try TestSupport.run("nm", ["-D", "--defined-only", helper.executable]).output, as: UTF8.self)
        #expect(symbols.split(separator: "\n").contains { $0.hasSuffix(" T pthread_setcanceltype") })
    }
}
