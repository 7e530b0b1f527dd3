import Dispatch
import Foundation
import Synchronization

/// A progress line on standard error for work that takes more than a second: a bar when the
/// work reports units (`update`), the elapsed time otherwise. Drawn only on a terminal.
public final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var total = 0
        var drawn = false
        var finished = false
        var timer: DispatchSourceTimer?
    }

    private let label: String
    private let start = DispatchTime.now()
    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void

    /// Starts timing `label`; nothing is drawn unless `enabled` (standard error is a terminal).
    public init(label: String, enabled: Bool, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
        guard enabled else { return }
        state.withLock { s in
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
            timer.schedule(deadline: .now() + 1.0, repeating: 0.1)
            timer.setEventHandler { [weak self] in self?.draw() }
            timer.resume()
            s.timer = timer
        }
    }

    deinit { state.withLock { $0.timer?.cancel() } }

    /// Records that `done` of `total` units are finished.
    public func update(done: Int, total: Int) {
        state.withLock {
            $0.done = done
            $0.total = total
        }
    }

    /// Seconds since the work started.
    public var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    /// Stops drawing and erases the line.
    public func finish() {
        let erase = state.withLock { s -> Bool in
            s.timer?.cancel()
            s.timer = nil
            s.finished = true
            return s.drawn
        }
        if erase { write("\r\u{1B}[2K") }
    }

    private func draw() {
        let seconds = elapsed
        let line: String? = state.withLock { s in
            guard !s.finished else { return nil }
            s.drawn = true
            if InterruptHandler.token.isCancelled { return "Cancelling… (the engine stops at its next check)" }
            return Self.line(label: label, done: s.done, total: s.total, seconds: seconds)
        }
        if let line { write("\r\u{1B}[2K" + line) }
    }

    /// The text of the progress line: `label [██████░░░░] 60% 3/5 1.4s`.
    public static func line(label: String, done: Int, total: Int, seconds: Double) -> String {
        let time = String(format: "%.1fs", seconds)
        guard total > 0 else { return "\(label) … \(time)  (Ctrl-C cancels)" }
        let width = 24
        let filled = min(width, done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(label) [\(bar)] \(done * 100 / total)% \(done)/\(total) \(time)"
    }
}
