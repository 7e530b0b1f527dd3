/// A literal constant as written in SQL, typed the way Spark's parser types it.
public enum ASTLiteral: Hashable, Sendable {
    case null
    case boolean(Bool)
    /// An integer literal that fits its type: `1` is `.int`, `3000000000` `.bigint`, `10L` `.bigint`,
    /// `10S` `.smallint`, `10Y` `.tinyint`. An unsuffixed integer too big for bigint is `.decimal`.
    case integer(Int64, ASTIntegerType)
    /// An exact decimal, as its normalised text without exponent: `100.0`, `-0.5`, `12345678901234567890`.
    /// `1.5` is a decimal(2,1) in Spark, not a double; so is `1BD`.
    case decimal(String)
    /// `1e3`, `1.5D`, `1.5e-3`.
    case double(Double)
    /// `1.5F` (Spark's float; sparkify has no float type, so it is usually treated as a double).
    case float(Double)
    /// A string: quotes removed, backslash escapes processed, adjacent literals joined.
    case string(String)
    /// `DATE 'text'`: the text as written, validated by the binder.
    case date(String)
    /// `TIMESTAMP 'text'` (also `TIMESTAMP_LTZ`).
    case timestamp(String)
    /// `TIMESTAMP_NTZ 'text'`.
    case timestampNTZ(String)
    /// `INTERVAL ...` in one of its forms.
    case interval(ASTInterval)
    /// `X'0AFF'`: binary bytes as hex text.
    case binary(String)
}

/// The width of an integer literal.
public enum ASTIntegerType: String, Hashable, Sendable {
    case tinyint, smallint, int, bigint
}

/// An `INTERVAL` literal: `INTERVAL '1' DAY`, `INTERVAL 3 HOURS 30 MINUTES`,
/// `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '1 day 2 hours'`.
public struct ASTInterval: Hashable, Sendable {
    /// One value and its unit; the unit is nil for the string form `INTERVAL '1 day 2 hours'`.
    public struct Part: Hashable, Sendable {
        /// The value as written: a number's text or a string literal's content.
        public var value: String
        /// Singular upper case: `YEAR MONTH WEEK DAY HOUR MINUTE SECOND MILLISECOND MICROSECOND`.
        public var unit: String?

        public init(value: String, unit: String?) {
            self.value = value
            self.unit = unit
        }
    }

    public var parts: [Part]
    /// The end unit of `YEAR TO MONTH`, `DAY TO SECOND`, ...
    public var toUnit: String?

    public init(parts: [Part], toUnit: String? = nil) {
        self.parts = parts
        self.toUnit = toUnit
    }
}
