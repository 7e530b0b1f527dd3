#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the keys a user types while a statement runs, so the next prompt reads them as typed.
///
/// When libedit returns a line it puts the terminal back in canonical ("cooked") mode. Keys
/// typed then are line-buffered and echoed by the kernel over the statement's output, and
/// the line discipline turns some of them into something else: a Ctrl-D becomes an end-of-file
/// marker that reads as a NUL byte once libedit switches back to raw mode, so a Ctrl-D typed
/// during a long query never quit. Holding the terminal in non-canonical mode without echo
/// (signals still on, so Ctrl-C cancels) leaves every key in the input queue as the byte it
/// was; libedit, which only learns settings from cooked mode, restores its own cooked settings
/// when it ends.
final class TypeAhead {
    private var cooked: termios?

    /// Switches the terminal to hold keys; does nothing unless it is in cooked mode.
    func hold() {
        var mode = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &mode) == 0,
              mode.c_lflag & tcflag_t(ICANON) != 0 else { return }
        cooked = mode
        mode.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        withUnsafeMutableBytes(of: &mode.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    }

    /// Puts back the cooked mode `hold()` replaced (before another program uses the terminal,
    /// and at the end); the keys typed so far stay queued.
    func release() {
        guard var mode = cooked else { return }
        cooked = nil
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    }
}
