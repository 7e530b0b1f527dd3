/// One path component of a Hadoop glob: `*` and `?` within the component, `[abc]`, `[a-z]`,
/// `[^a]` / `[!a]`, and `\` to escape. (Braces are expanded before, by `GlobPattern.expandBraces`.)
public struct GlobPattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case anyOne
        case anyRun
        case set(negated: Bool, ranges: [ClosedRange<UInt32>])
    }

    let tokens: [Token]
    /// The component has no wildcard: it names one entry.
    public let isLiteral: Bool
    /// The component is `**`: any number of folders (sparkify's extension).
    public let isAnyDepth: Bool
    /// The text the component matches when `isLiteral` (escapes removed).
    public let literalText: String

    /// Compiles one component; throws for an unclosed `[`.
    public init(component: String) throws(JSONReadError) {
        var tokens: [Token] = []
        let scalars = Array(component.unicodeScalars)
        var i = 0
        var literal = ""
        var wild = false
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\\":
                i += 1
                let escaped = i < scalars.count ? scalars[i] : "\\"
                tokens.append(.literal(escaped))
                literal.unicodeScalars.append(escaped)
            case "?": tokens.append(.anyOne); wild = true
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
                wild = true
            case "[":
                var j = i + 1
                var negated = false
                if j < scalars.count, scalars[j] == "^" || scalars[j] == "!" { negated = true; j += 1 }
                var ranges: [ClosedRange<UInt32>] = []
                var closed = false
                var first = true
                while j < scalars.count {
                    var lo = scalars[j]
                    if lo == "]" && !first { closed = true; break }
                    first = false
                    if lo == "\\", j + 1 < scalars.count { j += 1; lo = scalars[j] }
                    if j + 2 < scalars.count, scalars[j + 1] == "-", scalars[j + 2] != "]" {
                        var hi = scalars[j + 2]
                        j += 2
                        if hi == "\\", j + 1 < scalars.count { j += 1; hi = scalars[j] }
                        guard lo.value <= hi.value else {
                            throw JSONReadError(.invalidGlob, "glob '\(component)': range \(lo)-\(hi) is reversed")
                        }
                        ranges.append(lo.value...hi.value)
                    } else {
                        ranges.append(lo.value...lo.value)
                    }
                    j += 1
                }
                guard closed else { throw JSONReadError(.invalidGlob, "glob '\(component)': unclosed '['") }
                tokens.append(.set(negated: negated, ranges: ranges))
                wild = true
                i = j
            default:
                tokens.append(.literal(c))
                literal.unicodeScalars.append(c)
            }
            i += 1
        }
        self.tokens = tokens
        self.isLiteral = !wild
        self.isAnyDepth = component == "**"
        self.literalText = literal
    }

    /// Whether a character of the text makes it a glob (Hadoop's special characters).
    public static func hasWildcard(_ text: String) -> Bool {
        text.unicodeScalars.contains { "*?[{\\".unicodeScalars.contains($0) }
    }

    /// Whether `name` (one path component) matches.
    public func matches(_ name: String) -> Bool {
        let text = Array(name.unicodeScalars)
        // Classic wildcard matching with one backtrack point for the last `*`.
        var t = 0, p = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < tokens.count, tokens[p] != .anyRun, Self.matchOne(tokens[p], text[t]) {
                t += 1; p += 1
            } else if p < tokens.count, tokens[p] == .anyRun {
                starP = p; starT = t; p += 1
            } else if starP >= 0 {
                starT += 1; t = starT; p = starP + 1
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .anyRun { p += 1 }
        return p == tokens.count
    }

    private static func matchOne(_ token: Token, _ c: Unicode.Scalar) -> Bool {
        switch token {
        case let .literal(l): return l == c
        case .anyOne: return true
        case .anyRun: return true
        case let .set(negated, ranges):
            let inside = ranges.contains { $0.contains(c.value) }
            return inside != negated
        }
    }

    /// Expands `{a,b}` groups (nested, and spanning `/`) into plain patterns, as Hadoop's
    /// `GlobExpander` does; throws for an unclosed `{`.
    public static func expandBraces(_ pattern: String) throws(JSONReadError) -> [String] {
        let scalars = Array(pattern.unicodeScalars)
        var i = 0
        var open = -1
        while i < scalars.count {
            if scalars[i] == "\\" { i += 2; continue }
            if scalars[i] == "{" { open = i; break }
            i += 1
        }
        if open < 0 { return [pattern] }
        var depth = 0
        var alternatives: [String] = []
        var current = String.UnicodeScalarView()
        var j = open
        var close = -1
        while j < scalars.count {
            let c = scalars[j]
            if c == "\\", j + 1 < scalars.count {
                if depth >= 1 { current.append(c); current.append(scalars[j + 1]) }
                j += 2
                continue
            }
            if c == "{" {
                depth += 1
                if depth == 1 { j += 1; continue }
            } else if c == "}" {
                depth -= 1
                if depth == 0 { close = j; alternatives.append(String(current)); break }
            } else if c == ",", depth == 1 {
                alternatives.append(String(current))
                current = String.UnicodeScalarView()
                j += 1
                continue
            }
            current.append(c)
            j += 1
        }
        guard close >= 0 else { throw JSONReadError(.invalidGlob, "glob '\(pattern)': unclosed '{'") }
        let prefix = String(String.UnicodeScalarView(scalars[..<open]))
        let suffix = String(String.UnicodeScalarView(scalars[(close + 1)...]))
        var out: [String] = []
        for alternative in alternatives {
            out += try expandBraces(prefix + alternative + suffix)
        }
        return out
    }
}
