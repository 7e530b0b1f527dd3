import SparkifySQL

/// Which SQL cell makes which table, and so which cells each cell needs first.
///
/// Built from the statements of every SQL cell. A table made by two cells and a cycle of cells
/// (two cells reading each other's tables, or a cell reading its table before making it) are
/// errors naming the cells and lines. The set-up cell comes before every other cell.
public struct NotebookGraph: Sendable {
    /// The file, for messages.
    public let file: String
    private let cells: [String: NotebookCell]
    private let dependencies: [String: CellDependencies]
    /// Table (lower case) → key of the cell that makes it.
    private let makers: [String: String]
    /// Lower-cased names of the SQL cells, in file order.
    private let order: [String]
    private let setupKey: String?

    /// Analyses `notebook`. `settings` are the session's, for `${variable}` substitution; `SET`
    /// statements of earlier cells count too, and a variable set nowhere stands for its own name.
    public init(notebook: Notebook, settings: [String: String] = [:]) throws(NotebookError) {
        file = notebook.file
        var cells: [String: NotebookCell] = [:]
        var dependencies: [String: CellDependencies] = [:]
        var order: [String] = []
        var variables = Dictionary(settings.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        for cell in notebook.sqlCells {
            guard let name = cell.name else { continue }
            let key = name.lowercased()
            cells[key] = cell
            order.append(key)
            dependencies[key] = Self.analyse(cell, variables: &variables)
        }
        var makers: [String: String] = [:]
        for key in order {
            for table in dependencies[key]?.makes ?? [] {
                if let other = makers[table], other != key, let first = cells[other], let second = cells[key] {
                    throw NotebookError(file: notebook.file, line: second.lines.lowerBound,
                                        "the table \(table) is made by two cells, \(first.label) (line \(first.lines.lowerBound)) and \(second.label) (line \(second.lines.lowerBound)); a table must come from one cell, so rename one of them")
                }
                makers[table] = key
            }
        }
        self.cells = cells
        self.dependencies = dependencies
        self.makers = makers
        self.order = order
        self.setupKey = order.first { cells[$0]?.isPreamble == true }
        try checkCycles()
    }

    /// What the cell called `name` reads and makes.
    public func dependencies(of name: String) -> CellDependencies? { dependencies[name.lowercased()] }

    /// The name of the cell that makes `table`, if a cell does.
    public func maker(of table: String) -> String? { makers[table.lowercased()].flatMap { cells[$0]?.name } }

    /// The cells `name` needs first, with the table it reads from each (nil for the set-up,
    /// which every cell needs), in file order.
    public func inputs(of name: String) -> [(cell: String, table: String?)] {
        let key = name.lowercased()
        var result: [(cell: String, table: String?)] = []
        if let setupKey, setupKey != key, let setup = cells[setupKey]?.name { result.append((setup, nil)) }
        for table in dependencies[key]?.reads ?? [] {
            guard let maker = makers[table], maker != key, let cell = cells[maker]?.name else { continue }
            if !result.contains(where: { $0.cell == cell }) { result.append((cell, table)) }
        }
        return result.sorted { index(of: $0.cell) < index(of: $1.cell) }
    }

    /// Tables `name` reads that no cell makes.
    public func externalReads(of name: String) -> [String] {
        (dependencies[name.lowercased()]?.reads ?? []).filter { makers[$0] == nil }
    }

    /// Every cell that needs `name`, directly or through others, in file order.
    public func downstream(of name: String) -> [String] {
        var found = Set<String>()
        var frontier = [name.lowercased()]
        while let key = frontier.popLast() {
            for other in order where !found.contains(other) && other != name.lowercased() {
                if inputs(of: other).contains(where: { $0.cell.lowercased() == key }) {
                    found.insert(other)
                    frontier.append(other)
                }
            }
        }
        return order.filter(found.contains).compactMap { cells[$0]?.name }
    }

    /// `names` and every cell they need, each after the cells it needs and otherwise in file
    /// order.
    public func closure(of names: [String]) -> [String] {
        var needed = Set<String>()
        var frontier = names.map { $0.lowercased() }.filter { cells[$0] != nil }
        while let key = frontier.popLast() {
            guard needed.insert(key).inserted, let name = cells[key]?.name else { continue }
            frontier.append(contentsOf: inputs(of: name).map { $0.cell.lowercased() })
        }
        // The earliest cell in the file whose inputs are all placed goes next. (The graph has no
        // cycles, so one always can.)
        var placed = Set<String>()
        var result: [String] = []
        var remaining = order.filter(needed.contains)
        while let next = remaining.firstIndex(where: { key in
            inputs(of: key).allSatisfy { placed.contains($0.cell.lowercased()) }
        }) {
            let key = remaining.remove(at: next)
            placed.insert(key)
            if let name = cells[key]?.name { result.append(name) }
        }
        return result
    }

    private func index(of name: String) -> Int { cells[name.lowercased()]?.index ?? Int.max }

    /// Reads statement by statement, substituting variables as the session will.
    private static func analyse(_ cell: NotebookCell, variables: inout [String: String]) -> CellDependencies {
        var result = CellDependencies()
        for statement in cell.statements {
            let parsed: ASTStatement
            do {
                let lookup = variables
                let text = try substituteVariables(in: statement.text) { lookup[$0.lowercased()] ?? $0 }
                parsed = try SQLParser.parseStatement(text, origin: statement.start)
            } catch {
                result.parseError = error
                if let name = cell.name?.lowercased(), !cell.isPreamble, !result.makes.contains(name) { result.makes.append(name) }
                return result
            }
            if case let .set(.assign(key, value)) = parsed { variables[key.lowercased()] = value }
            let found = parsed.dependencies
            for table in found.reads where !result.makes.contains(table) && !result.reads.contains(table) {
                result.reads.append(table)
            }
            if let made = found.creates, !result.makes.contains(made) { result.makes.append(made) }
            if let dropped = found.drops, !result.drops.contains(dropped) { result.drops.append(dropped) }
            for path in found.files where !result.files.contains(path) { result.files.append(path) }
        }
        return result
    }

    /// Throws for the first cycle: a cell that needs itself, directly or through others.
    private func checkCycles() throws(NotebookError) {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []
        func visit(_ key: String) throws(NotebookError) {
            if marks[key] == .done { return }
            guard let cell = cells[key], let name = cell.name else { return }
            if marks[key] == .visiting {
                throw cycleError(Array(path[(path.firstIndex(of: key) ?? 0)...]) + [key])
            }
            marks[key] = .visiting
            path.append(key)
            for table in dependencies[key]?.reads ?? [] where makers[table] == key {
                throw NotebookError(file: file, line: cell.lines.lowerBound, "the cell \(name) reads \(table) before it makes it; a cell cannot read its own table")
            }
            for input in inputs(of: name) { try visit(input.cell.lowercased()) }
            path.removeLast()
            marks[key] = .done
        }
        for key in order { try visit(key) }
    }

    /// `keys` runs from a cell to the cell it needs ... back to the first.
    private func cycleError(_ keys: [String]) -> NotebookError {
        var steps: [String] = []
        for (reader, needed) in zip(keys, keys.dropFirst()) {
            guard let cell = cells[reader], let name = cell.name else { continue }
            let table = inputs(of: name).first { $0.cell.lowercased() == needed }?.table
            let neededName = cells[needed]?.name ?? needed
            steps.append(table.map { "\(name) (line \(cell.lines.lowerBound)) reads \($0), made by \(neededName)" }
                         ?? "\(name) (line \(cell.lines.lowerBound)) runs after the set-up \(neededName)")
        }
        let first = keys.first.flatMap { cells[$0] }
        return NotebookError(file: file, line: first?.lines.lowerBound,
                             "the cells form a cycle, so none of them can run first: " + steps.joined(separator: "; ") + ". Make one of these tables in an earlier cell instead")
    }
}
