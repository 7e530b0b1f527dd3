import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running on a pseudo-terminal, as if typed at: its own session with the terminal
/// as controlling terminal (so Ctrl-C sends SIGINT), and what it writes collected as it comes.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// Everything the program wrote so far (the terminal echoes what is typed, too).
    private(set) var transcript = ""

    enum Failure: Error, CustomStringConvertible {
        case setup(String)
        case timeout(waitingFor: String, transcript: String)

        var description: String {
            switch self {
            case let .setup(what): return "pseudo-terminal setup failed: \(what)"
            case let .timeout(text, transcript): return "timed out waiting for \(text.debugDescription); the terminal shows:\n\(transcript)"
            }
        }
    }

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        guard let pty = PTYFunctions.load() else { throw Failure.setup("the C library has no posix_openpt") }
        let master = pty.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grantpt(master) == 0, pty.unlockpt(master) == 0 else { throw Failure.setup("posix_openpt") }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard pty.ptsname_r(master, &nameBuffer, nameBuffer.count) == 0 else { throw Failure.setup("ptsname_r") }
        let slaveName = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.master = master

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        // Opened after setsid (POSIX_SPAWN_SETSID): the terminal becomes the controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads may block or ignore SIGINT; the child starts with defaults.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, PTYFunctions.spawnSetsid | Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Failure.setup("posix_spawn: \(String(cString: strerror(status)))") }
        pid = child
    }

    deinit {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (use "\r" for Enter, "\u{3}" for Ctrl-C, "\t" for Tab, "\u{4}" for Ctrl-D).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in _ = write(master, buffer.baseAddress, buffer.count) }
    }

    /// Waits a moment after a prompt appeared before typing: under heavy load, keys typed at
    /// the instant of the first prompt were sometimes handled by the terminal in cooked mode
    /// (see the REPL's known weaknesses).
    func settle() {
        Thread.sleep(forTimeInterval: 0.3)
        readAvailable(waitMilliseconds: 0)
    }

    /// Reads until the transcript, after `from` characters, contains `text`; returns the index
    /// just past it.
    @discardableResult
    func waitFor(_ text: String, after from: String.Index? = nil, timeout: Double = 60) throws -> String.Index {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let start = from ?? transcript.startIndex
            if let range = transcript.range(of: text, range: start..<transcript.endIndex) { return range.upperBound }
            guard Date() < deadline else { throw Failure.timeout(waitingFor: text, transcript: transcript) }
            readAvailable(waitMilliseconds: 100)
        }
    }

    /// The end of what was read so far (to wait only for later output).
    var mark: String.Index {
        readAvailable(waitMilliseconds: 0)
        return transcript.endIndex
    }

    /// Waits for the program to exit; its exit status, or nil when it did not exit in time.
    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            readAvailable(waitMilliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        return nil
    }

    private func readAvailable(waitMilliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var wait = waitMilliseconds
        while poll(&descriptor, 1, wait) > 0 && descriptor.revents & Int16(POLLIN) != 0 {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { return }
            transcript += String(decoding: buffer[..<count], as: UTF8.self)
            wait = 0
        }
    }
}

/// The pseudo-terminal functions, which Swift's Glibc module leaves out (they need
/// _XOPEN_SOURCE), looked up in the C library.
struct PTYFunctions {
    let openpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsname_r: @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32

    /// glibc's POSIX_SPAWN_SETSID (spawn.h): the child starts a new session.
    static let spawnSetsid: Int16 = 0x80

    static func load() -> PTYFunctions? {
        let library = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let address = dlsym(library, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
        guard let openpt = symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
              let grantpt = symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self),
              let unlockpt = symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
              let ptsname_r = symbol("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)
        else { return nil }
        return PTYFunctions(openpt: openpt, grantpt: grantpt, unlockpt: unlockpt, ptsname_r: ptsname_r)
    }
}
