import Foundation
import SparkifyNotebook
import SparkifySQL
import SparkifyTables

extension REPL {
    /// Every dot command, in the order `.help` lists them.
    static let commands: [DotCommand] = [
        DotCommand(name: ".help", usage: ".help [COMMAND]", help: "List the commands, or explain one.", arguments: 0...1) { repl, args in
            repl.help(args.first)
        },
        DotCommand(name: ".cells", usage: ".cells", help: "List the notebook's cells and which have run.", arguments: 0...0) { repl, _ in
            try repl.listCells()
        },
        DotCommand(name: ".next", usage: ".next", help: "Run the next cell of the notebook.", arguments: 0...0) { repl, _ in
            try repl.runNotebook(.next)
        },
        DotCommand(name: ".run", usage: ".run NAME|all", help: "Run a cell (after the cells it needs), or every cell not yet run.", arguments: 1...1) { repl, args in
            try repl.runNotebook(args[0].lowercased() == "all" ? .all : .cell(args[0]))
        },
        DotCommand(name: ".show", usage: ".show TABLE [N]", help: "Show the first N rows of a table or view (default 20).", arguments: 1...2) { repl, args in
            var rows = repl.maxRows
            if args.count == 2 {
                guard let n = Int(args[1]), n > 0 else { throw UsageError(detail: "N must be a positive number of rows, not \(args[1]).") }
                rows = n
            }
            repl.show(try repl.catalogTable(args[0]), maxRows: rows)
        },
        DotCommand(name: ".schema", usage: ".schema TABLE", help: "Print a table's schema as a tree (like printSchema).", arguments: 1...1) { repl, args in
            repl.output.out(try repl.catalogTable(args[0]).schema.treeString)
        },
        DotCommand(name: ".describe", usage: ".describe TABLE", help: "Per column: type, count, nulls, distinct, min, max, mean.", arguments: 1...1) { repl, args in
            try repl.describe(args[0])
        },
        DotCommand(name: ".tables", usage: ".tables", help: "List the tables and views with their rows and columns.", arguments: 0...0) { repl, _ in
            repl.listTables()
        },
        DotCommand(name: ".mode", usage: ".mode box|spark|csv|json|markdown", help: "Choose how results print.", arguments: 1...1,
                   choices: TableRenderer.Mode.allCases.map(\.rawValue)) { repl, args in
            guard let mode = TableRenderer.Mode(rawValue: args[0].lowercased()) else { throw UsageError(detail: nil) }
            repl.mode = mode
            repl.say("Results now print in \(mode.rawValue) mode.")
        },
        DotCommand(name: ".chart", usage: ChartRequest.usage,
                   help: "Chart a query or table (labels, then values). KIND: bar, hbar or share; OPTIONS: --top N, --title T, --svg FILE.",
                   arguments: 1...1, choices: ChartKind.allCases.map(\.rawValue), takesText: true) { repl, args in
            try repl.chart(args[0])
        },
        DotCommand(name: ".charset", usage: ".charset unicode|ascii", help: "Draw charts with Unicode blocks or plain ASCII (default: the locale's).",
                   arguments: 1...1, choices: ChartCharset.allCases.map(\.rawValue)) { repl, args in
            guard let charset = ChartCharset(rawValue: args[0].lowercased()) else { throw UsageError(detail: nil) }
            repl.chartCharset = charset
            repl.say("Charts now draw in \(charset.rawValue).")
        },
        DotCommand(name: ".timer", usage: ".timer on|off", help: "Print how long each statement takes.", arguments: 1...1, choices: ["on", "off"]) { repl, args in
            switch args[0].lowercased() {
            case "on": repl.timer = true
            case "off": repl.timer = false
            default: throw UsageError(detail: nil)
            }
            repl.say("Timer \(repl.timer ? "on" : "off").")
        },
        DotCommand(name: ".data", usage: ".data DIR", help: "Set the raw data folder ${data} for statements run from now on.", arguments: 1...1) { repl, args in
            try repl.setData(args[0])
        },
        DotCommand(name: ".open", usage: ".open NOTEBOOK", help: "Open a notebook file (on a fresh session).", arguments: 1...1) { repl, args in
            try repl.open(notebookAt: args[0])
        },
        DotCommand(name: ".edit", usage: ".edit CELL", help: "Edit a cell in $EDITOR, then run it again.", arguments: 1...1) { repl, args in
            try repl.editCell(args[0])
        },
        DotCommand(name: ".last", usage: ".last", help: "Show the last result whole, through $PAGER.", arguments: 0...0) { repl, _ in
            try repl.pageLastResult()
        },
        DotCommand(name: ".record", usage: ".record FILE|off", help: "Write what you type from now on to a session script (in sessions/).", arguments: 0...1) { repl, args in
            try repl.record(args.first)
        },
        DotCommand(name: ".save", usage: ".save FILE", help: "Write everything typed this session to a session script (in sessions/).", arguments: 1...1) { repl, args in
            try repl.saveSession(to: args[0])
        },
        DotCommand(name: ".read", usage: ".read FILE", help: "Run a session script as if typed, echoing each line before its output.", arguments: 1...1) { repl, args in
            try repl.readScript(args[0])
        },
        DotCommand(name: ".keys", usage: ".keys emacs|vi", help: "Choose emacs or vi key bindings.", arguments: 1...1, choices: ["emacs", "vi"]) { repl, args in
            guard let keys = LineEditor.Keys(rawValue: args[0].lowercased()) else { throw UsageError(detail: nil) }
            repl.keys = keys
            repl.lineEditor?.setKeys(keys)
            repl.say(repl.lineEditor == nil ? "Key bindings set to \(keys.rawValue) (they apply on a terminal)." : "Key bindings set to \(keys.rawValue).")
        },
        DotCommand(name: ".quit", usage: ".quit", help: "Leave sparkify (Ctrl-D does too).", arguments: 0...0) { repl, _ in
            repl.quitRequested = true
        },
    ]

    static func command(named name: String) -> DotCommand? {
        let lower = name.lowercased()
        let dotted = lower.hasPrefix(".") ? lower : "." + lower
        return commands.first { $0.name == dotted }
    }

    /// Runs a dot command line (`.show songs 5`).
    func runCommand(_ line: String) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first else { return }
        guard let command = REPL.command(named: name) else {
            let close = REPL.commands.map(\.name).filter { $0.hasPrefix(String(name.prefix(3)).lowercased()) }
            fail("Unknown command \(name)." + (close.isEmpty ? "" : " Did you mean \(close.joined(separator: " or "))?") + " Type .help for the list.")
            return
        }
        var args = Array(words.dropFirst())
        if command.takesText {
            // The text after the command's name, as typed.
            let rest = line.drop { $0 == " " || $0 == "\t" }.drop { $0 != " " && $0 != "\t" }.trimmingCharacters(in: .whitespaces)
            args = rest.isEmpty ? [] : [rest]
        }
        do {
            guard command.arguments.contains(args.count) else { throw UsageError(detail: nil) }
            try command.run(self, args)
        } catch let error as UsageError {
            fail((error.detail.map { $0 + " " } ?? "") + "Usage: \(command.usage)")
        } catch is SilentFailure {
            // Already reported and counted.
        } catch let error as REPLError {
            fail(error.description)
        } catch let error as NotebookError {
            fail(error.description)
        } catch let error as SQLError {
            fail(error.description)
        } catch {
            fail("\(error)")
        }
    }

    /// `.help`: every command with its usage and summary, or one command.
    func help(_ name: String?) {
        if let name {
            guard let command = REPL.command(named: name) else {
                fail("No command \(name). Type .help for the list.")
                return
            }
            output.out("\(command.usage)\n    \(command.help)\n")
            return
        }
        output.out(REPL.helpText)
    }

    /// The text of `.help` without arguments.
    public static var helpText: String {
        let width = commands.map(\.usage.count).max() ?? 0
        var text = "Statements end with ';' and may span lines. Ctrl-C cancels, Ctrl-D quits, Tab completes, Ctrl-R searches history.\n\n"
        for command in commands {
            text += command.usage + String(repeating: " ", count: width - command.usage.count + 2) + command.help + "\n"
        }
        return text
    }

    /// The table or view `name`, or an error that lists what exists.
    func catalogTable(_ name: String) throws -> Table {
        if let entry = session.catalog.entry(name) { return entry.table }
        if runner?.graph.maker(of: name) != nil {
            // A notebook table not made yet: its cell runs first, as for a query.
            let failuresBefore = failureCount
            try runNotebook(.inputs([name], reader: "this command"))
            if failureCount == failuresBefore, let entry = session.catalog.entry(name) { return entry.table }
            throw REPLError("\(name) was not made.")
        }
        let names = session.catalog.names
        let known = names.isEmpty ? " None exist yet: run a cell (.next) or a CREATE statement." : " There are: " + names.joined(separator: ", ") + "."
        let suggestion = NameSuggestions.closest(to: name, among: names + cellNames).map { " Did you mean \($0)?" } ?? ""
        throw REPLError("No table or view named \(name).\(suggestion)" + known)
    }

    func setData(_ directory: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw REPLError("\(directory) is not a folder.")
        }
        try session.set("data", directory)
        say("${data} is now \(directory) (for statements run from now on; tables already made keep their rows).")
    }
}
