extension TranscriptDiff {
    /// The diff in unified format, as `diff -u` prints it: `--- oldName`, `+++ newName`, then
    /// hunks `@@ -start,count +start,count @@` of changed lines (`-` old, `+` new) with
    /// `context` unchanged lines around them. Empty when the texts are the same.
    public func unified(oldName: String, newName: String, context: Int = 3) -> String {
        if isEmpty { return "" }
        var text = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(context: context) {
            text += "@@ -\(Self.range(hunk.oldStart, hunk.oldCount)) +\(Self.range(hunk.newStart, hunk.newCount)) @@\n"
            for line in lines[hunk.lines] {
                switch line {
                case let .same(s): text += " " + s + "\n"
                case let .removed(s): text += "-" + s + "\n"
                case let .added(s): text += "+" + s + "\n"
                }
            }
        }
        return text
    }

    /// A unified diff with its removed lines red, added lines green and hunk headers cyan
    /// (when `style` is enabled: on a terminal).
    public static func colored(_ unified: String, style: TextStyle) -> String {
        guard style.enabled else { return unified }
        var text = ""
        for line in unified.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let plain = String(line)
            if plain.hasPrefix("@@") {
                text += style.cyan(plain)
            } else if plain.hasPrefix("---") || plain.hasPrefix("+++") {
                text += style.bold(plain)
            } else if plain.hasPrefix("-") {
                text += style.red(plain)
            } else if plain.hasPrefix("+") {
                text += style.green(plain)
            } else {
                text += plain
            }
            text += "\n"
        }
        return text
    }

    /// How many lines were removed and added.
    public var changeCounts: (removed: Int, added: Int) {
        var removed = 0, added = 0
        for line in lines {
            switch line {
            case .same: break
            case .removed: removed += 1
            case .added: added += 1
            }
        }
        return (removed, added)
    }

    struct Hunk {
        var lines: Range<Int>
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
    }

    /// Runs of changes with their context, merged when their contexts touch.
    func hunks(context: Int) -> [Hunk] {
        let changed = lines.indices.filter { if case .same = lines[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        for index in changed {
            let range = max(0, index - context)..<min(lines.count, index + context + 1)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        // Line numbers of the old and new text at each edit-script position.
        var oldLine = 1, newLine = 1
        var oldAt: [Int] = [], newAt: [Int] = []
        for line in lines {
            oldAt.append(oldLine)
            newAt.append(newLine)
            switch line {
            case .same:
                oldLine += 1
                newLine += 1
            case .removed: oldLine += 1
            case .added: newLine += 1
            }
        }
        return ranges.map { range in
            var oldCount = 0, newCount = 0
            for line in lines[range] {
                switch line {
                case .same:
                    oldCount += 1
                    newCount += 1
                case .removed: oldCount += 1
                case .added: newCount += 1
                }
            }
            return Hunk(lines: range, oldStart: oldAt[range.lowerBound], oldCount: oldCount,
                        newStart: newAt[range.lowerBound], newCount: newCount)
        }
    }

    /// `start,count` as diff writes it: `,1` left out, and an empty range named by the line before.
    static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start - 1),0"
        case 1: return "\(start)"
        default: return "\(start),\(count)"
        }
    }
}
