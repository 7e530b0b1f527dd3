import CLibedit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing through libedit: a prompt, emacs or vi keys, history that persists in a
/// file (multi-line entries stay one entry), Ctrl-R search and Tab completion.
public final class LineEditor {
    /// What reading a line gave.
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C at the prompt.
        case interrupted
        /// Ctrl-D on an empty line, or the input closed.
        case end
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var promptBuffer: UnsafeMutablePointer<CChar>
    /// Completes the text before the cursor (with the text after it); set by the REPL.
    public var complete: ((_ before: String, _ after: String) -> Completion)?
    /// Writes a list of choices below the line (to standard output).
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let typeAhead = TypeAhead()

    /// Opens line editing on the terminal; `historyPath` is read now and written after each entry.
    public init?(program: String, historyPath: String?) {
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
              let errors = fdopen(STDERR_FILENO, "w") else { return nil }
        // libedit converts between characters and bytes with the locale: UTF-8, whatever LANG says.
        let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? ""
        if !locale.uppercased().contains("UTF") { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        guard let editLine = el_init(program, input, output, errors), let history = history_init() else { return nil }
        self.input = input
        self.output = output
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        promptBuffer = strdup("> ")
        sparkify_history_setsize(history, 2000)
        sparkify_history_setunique(history, 1)
        if let historyPath { sparkify_history_load(history, historyPath) }
        sparkify_el_set_history(editLine, history)
        sparkify_el_set_signal(editLine, 1)
        sparkify_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        sparkify_el_set_prompt(editLine) { el in
            guard let el, let data = sparkify_el_get_clientdata(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }
        sparkify_el_add_function(editLine, "sparkify-complete", "Complete the word at the cursor") { el, _ in
            guard let el, let data = sparkify_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
        }
        sparkify_el_set_reader(editLine) { _, character in
            guard let character else { return -1 }
            return LineEditor.readCharacter(into: character)
        }
        setKeys(.emacs)
        el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptBuffer)
    }

    /// Key bindings.
    public enum Keys: String, CaseIterable, Sendable {
        case emacs, vi
    }

    /// Switches to emacs or vi bindings (Tab completes and Ctrl-R searches in both).
    public func setKeys(_ keys: Keys) {
        sparkify_el_set_editor(editLine, keys.rawValue)
        sparkify_el_bind(editLine, "^I", "sparkify-complete")
        sparkify_el_bind(editLine, "^R", "em-inc-search-prev")
        if keys == .vi {
            sparkify_el_bind_command_mode(editLine, "^R", "em-inc-search-prev")
            sparkify_el_bind_command_mode(editLine, "/", "vi-search-prev")
        }
    }

    /// Reads one line after showing `prompt`; the line comes without its newline.
    public func readLine(prompt: String) -> Input {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        let readError = errno
        typeAhead.hold()
        guard let raw else {
            if count == -1 && (readError == EINTR || InterruptHandler.takePressed()) { return .interrupted }
            return .end
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Gives the terminal back in its normal mode, for another program (an editor, a pager)
    /// or at the end; keys typed while a statement ran stay queued for the next prompt.
    public func releaseTerminal() {
        typeAhead.release()
    }

    /// Holds keys typed from now until the next prompt (done after each line read; again after
    /// another program had the terminal).
    public func holdTypeAhead() {
        typeAhead.hold()
    }

    /// Adds a whole entry (a statement, maybe of several lines) to the history and saves it.
    public func addHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        sparkify_history_enter(history, entry)
        if let historyPath { sparkify_history_save(history, historyPath) }
    }

    /// Reads one UTF-8 character from standard input for libedit: 1 when read, 0 at the end of
    /// the input, -1 (errno EINTR) when Ctrl-C interrupted the wait. Other signals (a window
    /// resize) just resume the wait.
    ///
    /// The wait polls in short slices rather than blocking in `read`: a Ctrl-C's signal may be
    /// handled on another of the process's threads, which leaves a blocked `read` waiting.
    static func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        func readByte() -> Int32? {
            var byte: UInt8 = 0
            while true {
                var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let ready = poll(&input, 1, 100)
                if ready == 0 || (ready < 0 && errno == EINTR) {
                    if InterruptHandler.token.isCancelled { return -1 }
                    continue
                }
                let count = read(STDIN_FILENO, &byte, 1)
                if count == 1 { return Int32(byte) }
                if count == 0 { return nil }
                if errno == EINTR {
                    if InterruptHandler.token.isCancelled { return -1 }
                    continue
                }
                return nil
            }
        }
        guard let first = readByte() else { return 0 }
        if first < 0 {
            sparkify_set_errno(EINTR)
            return -1
        }
        var scalar = UInt32(first)
        var extra = 0
        switch first {
        case 0xC0...0xDF: scalar &= 0x1F; extra = 1
        case 0xE0...0xEF: scalar &= 0x0F; extra = 2
        case 0xF0...0xF7: scalar &= 0x07; extra = 3
        default: break
        }
        for _ in 0..<extra {
            guard let next = readByte(), next >= 0, next & 0xC0 == 0x80 else { scalar = 0xFFFD; break }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        character.pointee = wchar_t(bitPattern: scalar)
        return 1
    }

    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let complete else { return UInt8(CC_ERROR) }
        let before = Self.text(from: info.buffer, to: info.cursor)
        let after = Self.text(from: info.cursor, to: info.lastchar)
        let completion = complete(before, after)
        switch completion.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            let choice = completion.candidates[0]
            let ends = completion.isPath ? choice.hasSuffix("/") : choice.hasSuffix("(")
            replace(completion.prefix, with: choice + (ends || completion.isPath ? "" : " "))
            return UInt8(CC_REFRESH)
        default:
            let common = completion.commonPrefix
            if common.count > completion.prefix.count {
                replace(completion.prefix, with: common)
                return UInt8(CC_REFRESH)
            }
            listChoices(completion.candidates)
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ prefix: String, with text: String) {
        if !prefix.isEmpty { el_deletestr(editLine, Int32(prefix.count)) }
        el_insertstr(editLine, text)
    }

    private func listChoices(_ choices: [String]) {
        let shown = choices.prefix(200)
        let width = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let columns = max(1, TerminalInfo.width(fallback: 80) / max(width, 1))
        var text = "\n"
        for (i, choice) in shown.enumerated() {
            text += choice
            if (i + 1) % columns == 0 || i == shown.count - 1 {
                text += "\n"
            } else {
                text += String(repeating: " ", count: width - DisplayWidth.of(choice))
            }
        }
        if choices.count > shown.count { text += "… and \(choices.count - shown.count) more\n" }
        fputs(text, output)
        fflush(output)
    }

    private static func text(from start: UnsafePointer<CChar>?, to end: UnsafePointer<CChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let bytes = UnsafeRawBufferPointer(start: start, count: end - start)
        return String(decoding: bytes, as: UTF8.self)
    }
}
