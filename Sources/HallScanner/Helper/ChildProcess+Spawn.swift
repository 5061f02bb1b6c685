import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Starting the child: `posix_spawn` and the pipe of its standard output.
extension ChildProcess {
    /// posix_spawn with standard output on a new pipe, in a new process group, with the default
    /// signal dispositions and an empty signal mask (halld ignores SIGPIPE), and no other descriptor.
    func spawn() throws(SpawnFailure) -> (pid_t, Int32) {
        var ends: [Int32] = [-1, -1]
        guard Self.closeOnExecPipe(&ends) == 0 else { throw SpawnFailure(description: "pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        Self.closeOthers(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = state.withLock { state -> Int32 in
            let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            if result == 0 { state.pid = pid }
            return result
        }
        close(ends[1])
        guard result == 0 else {
            close(ends[0])
            throw SpawnFailure(description: "\(executable): \(String(cString: strerror(result)))")
        }
        return (pid, ends[0])
    }

    /// Closes every descriptor above 2 in the child (glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`,
    /// looked up at run time since Swift's Glibc module does not declare GNU extensions). halld's own
    /// descriptors are close-on-exec already; this keeps libraries' descriptors out as well.
    private static func closeOthers(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    /// A pipe whose ends are close-on-exec from the start (`pipe2`, looked up at run time like
    /// `closeOthers`), so that a helper started meanwhile by another thread does not inherit it and
    /// keep it open; `pipe` and `fcntl` where it is missing.
    private static func closeOnExecPipe(_ ends: inout [Int32]) -> Int32 {
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") {
            return ends.withUnsafeMutableBufferPointer { unsafeBitCast(symbol, to: Pipe2.self)($0.baseAddress, O_CLOEXEC) }
        }
        guard pipe(&ends) == 0 else { return -1 }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return 0
    }
}
