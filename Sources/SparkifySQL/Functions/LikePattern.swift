import SparkifyTables

/// A compiled `LIKE` pattern: `_` one character, `%` any run, the escape character (default
/// backslash) before `_`, `%` or itself makes it literal. Matches UTF-8 bytes directly.
struct LikePattern: Sendable {
    enum Token: Equatable, Sendable {
        case literal([UInt8])
        case anyCharacter
        case anyRun
    }

    let tokens: [Token]
    /// Shapes that need no backtracking.
    private enum Shape: Sendable { case exact([UInt8]), prefix([UInt8]), suffix([UInt8]), contains([UInt8]), general }
    private let shape: Shape

    init(_ pattern: String, escape: Character = "\\") throws {
        var tokens: [Token] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
        }
        var iterator = Array(pattern).makeIterator()
        while let c = iterator.next() {
            if c == escape {
                guard let next = iterator.next() else {
                    throw SQLError(.analysis, "the pattern '\(pattern)' is invalid, it is not allowed to end with the escape character")
                }
                guard next == "_" || next == "%" || next == escape else {
                    throw SQLError(.analysis, "the pattern '\(pattern)' is invalid, the escape character is not allowed to precede '\(next)'")
                }
                literal.append(contentsOf: Array(String(next).utf8))
            } else if c == "_" {
                flush()
                tokens.append(.anyCharacter)
            } else if c == "%" {
                flush()
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            } else {
                literal.append(contentsOf: Array(String(c).utf8))
            }
        }
        flush()
        self.tokens = tokens
        switch tokens.count {
        case 0: shape = .exact([])
        case 1:
            if case let .literal(l) = tokens[0] { shape = .exact(l) } else { shape = .general }
        case 2:
            if case let .literal(l) = tokens[0], tokens[1] == .anyRun { shape = .prefix(l) }
            else if tokens[0] == .anyRun, case let .literal(l) = tokens[1] { shape = .suffix(l) }
            else { shape = .general }
        case 3:
            if tokens[0] == .anyRun, tokens[2] == .anyRun, case let .literal(l) = tokens[1] { shape = .contains(l) } else { shape = .general }
        default: shape = .general
        }
    }

    func matches(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        switch shape {
        case let .exact(l): return s.elementsEqual(l)
        case let .prefix(l): return s.count >= l.count && s.prefix(l.count).elementsEqual(l)
        case let .suffix(l): return s.count >= l.count && s.suffix(l.count).elementsEqual(l)
        case let .contains(l): return l.withUnsafeBufferPointer { UTF8Text.find($0, in: s) != nil }
        case .general: return matchGeneral(s, 0, 0)
        }
    }

    /// Backtracking over `%` only at the last one seen (the classic wildcard algorithm).
    private func matchGeneral(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ tokenStart: Int) -> Bool {
        var i = start, t = tokenStart
        var starToken = -1, starPosition = 0
        while true {
            if t < tokens.count {
                switch tokens[t] {
                case .anyRun:
                    starToken = t
                    starPosition = i
                    t += 1
                    continue
                case .anyCharacter:
                    if i < s.count {
                        i += 1
                        while i < s.count, UTF8Text.isContinuation(s[i]) { i += 1 }
                        t += 1
                        continue
                    }
                case let .literal(l):
                    if i + l.count <= s.count, UnsafeBufferPointer(rebasing: s[i..<(i + l.count)]).elementsEqual(l) {
                        i += l.count
                        t += 1
                        continue
                    }
                }
            } else if i == s.count {
                return true
            }
            // Mismatch: let the last `%` swallow one more character.
            guard starToken >= 0, starPosition < s.count else { return false }
            starPosition += 1
            while starPosition < s.count, UTF8Text.isContinuation(s[starPosition]) { starPosition += 1 }
            i = starPosition
            t = starToken + 1
        }
    }
}
