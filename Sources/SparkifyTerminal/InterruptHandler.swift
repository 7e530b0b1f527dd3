import SparkifyTables
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C: a SIGINT handler that cancels the running statement's token and remembers that
/// the key was pressed (so the prompt can clear its line).
public enum InterruptHandler {
    /// The token the running statement polls; Ctrl-C cancels it.
    public static let token = CancellationToken()
    private static let pressed = Atomic<Bool>(false)

    /// Installs the handler (without SA_RESTART, so a blocked read returns EINTR).
    public static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            InterruptHandler.token.cancel()
            InterruptHandler.pressed.store(true, ordering: .relaxed)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            InterruptHandler.token.cancel()
            InterruptHandler.pressed.store(true, ordering: .relaxed)
        }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked; Ctrl-C must reach the handler.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// True (once) when Ctrl-C was pressed since the last call.
    public static func takePressed() -> Bool { pressed.exchange(false, ordering: .relaxed) }

    /// Forgets an earlier Ctrl-C before new work starts.
    public static func reset() {
        token.reset()
        pressed.store(false, ordering: .relaxed)
    }
}
