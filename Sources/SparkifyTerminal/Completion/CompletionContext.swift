/// What completion knows about the session: the names it can offer.
public struct CompletionContext: Sendable {
    /// Dot command names with their dot (`.run`).
    public var commands: [String]
    /// The notebook's cell names.
    public var cellNames: [String]
    /// Tables and views, each with its column names, in catalog order.
    public var tables: [(name: String, columns: [String])]
    /// SQL keywords, upper case.
    public var keywords: [String]
    /// Function names, lower case.
    public var functions: [String]
    /// Fixed choices for a command's first argument (`.mode` → box, spark, ...), by command.
    public var argumentChoices: [String: [String]]
    /// Entries of the folder `directory` (as typed, maybe empty for the current folder): each
    /// name with `/` appended when it is a folder.
    public var listDirectory: @Sendable (_ directory: String) -> [String]

    public init(commands: [String] = [], cellNames: [String] = [], tables: [(name: String, columns: [String])] = [],
                keywords: [String] = [], functions: [String] = [], argumentChoices: [String: [String]] = [:],
                listDirectory: @escaping @Sendable (String) -> [String] = { _ in [] }) {
        self.commands = commands
        self.cellNames = cellNames
        self.tables = tables
        self.keywords = keywords
        self.functions = functions
        self.argumentChoices = argumentChoices
        self.listDirectory = listDirectory
    }

    /// The columns of `table` (any case), if the catalog has it.
    func columns(of table: String) -> [String]? {
        let lower = table.lowercased()
        return tables.first { $0.name.lowercased() == lower }?.columns
    }
}

/// What completing at the cursor offers: the text before the cursor that the choice replaces
/// (`prefix`), and the choices.
public struct Completion: Equatable, Sendable {
    /// The typed text being completed (the characters right before the cursor).
    public var prefix: String
    /// Full replacements for `prefix`, sorted, without duplicates.
    public var candidates: [String]
    /// True when the candidates are file paths: a finished one is not followed by a space.
    public var isPath: Bool

    public init(prefix: String, candidates: [String], isPath: Bool = false) {
        self.prefix = prefix
        self.candidates = candidates
        self.isPath = isPath
    }

    /// The longest text every candidate starts with (compared ignoring case when the
    /// candidates differ only in case), at least `prefix`.
    public var commonPrefix: String {
        guard var common = candidates.first else { return prefix }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        return common.count >= prefix.count ? common : prefix
    }
}
