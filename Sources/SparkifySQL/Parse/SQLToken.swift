/// One token of SQL text.
struct SQLToken: Sendable {
    enum Kind: Equatable, Sendable {
        /// An unquoted word: a keyword or an identifier (the parser decides by context).
        case word
        /// `` `name` ``: `text` is the name with the quotes removed and doubled backquotes undone.
        case quotedIdentifier
        /// `'text'`, `"text"`, `R'raw'`: `text` is the value, escapes processed.
        case string
        /// `X'0AFF'`: `text` is the hex digits.
        case binaryString
        /// A number: `text` is its digits as written, without the type suffix.
        case number(SQLNumberKind)
        /// Punctuation and operators: `text` is the symbol (`<=`, `(`, `::`).
        case symbol
        case end
    }

    var kind: Kind
    var text: String
    /// Byte offsets of the token in the UTF-8 source: `start..<end`.
    var start: Int
    var end: Int
    var position: SourcePosition
    /// The word in upper case (empty for other tokens), computed once for keyword tests.
    let upper: String

    init(kind: Kind, text: String, start: Int, end: Int, position: SourcePosition) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.position = position
        upper = kind == .word ? text.uppercased() : ""
    }

    /// True for a word token spelling `keyword` (upper case), ignoring case.
    func isKeyword(_ keyword: String) -> Bool { kind == .word && upper == keyword }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

    /// True for a word that cannot be a bare name (see `SQLKeywords.reserved`).
    var isReservedWord: Bool { kind == .word && SQLKeywords.reserved.contains(upper) }

    /// The upper-cased word, or nil for other tokens.
    var keyword: String? { kind == .word ? upper : nil }
}

/// The kinds of numeric literal Spark's lexer distinguishes.
enum SQLNumberKind: Equatable, Sendable {
    /// Digits only: int, bigint or decimal by size.
    case integer
    /// `10L`.
    case bigint
    /// `10S`.
    case smallint
    /// `10Y`.
    case tinyint
    /// With a decimal point and no exponent: `1.5`, `.5`, `1.` — a DECIMAL.
    case decimal
    /// With an exponent (`1e3`) or the `D` suffix.
    case double
    /// `1.5F`.
    case float
    /// `1BD`, `1.5BD`.
    case bigDecimal
}
