/// Why parsing a record stopped early.
enum ParseInterrupt: Error {
    /// The record is not valid JSON (or not an object); `offset` is from the record's start.
    case malformed(offset: Int, reason: MalformedReason)
    /// A column must become string but its values' text is gone: read the unit again with
    /// this column string from the start.
    case restart(forceString: String)
    /// A malformed record had already changed the columns' types: read the unit again,
    /// checking each record before storing it.
    case revalidate
    /// One unit's text column passed 4 GiB.
    case tooLarge
}

/// What made a record malformed, for messages.
enum MalformedReason: Sendable, Equatable {
    case unexpectedEnd
    case unexpectedCharacter(UInt8)
    case notAnObject
    case arrayElementNotAnObject
    case badEscape
    case controlCharacterInString
    case badNumber
    case badLiteral
    case tooDeep
    /// The record is `null` (Spark rejects a NULL root).
    case nullRecord
    /// A line break inside a line (a lone CR), which Hadoop treats as a new line.
    case carriageReturn

    var text: String {
        switch self {
        case .unexpectedEnd: return "unexpected end of input"
        case let .unexpectedCharacter(c):
            if c >= 0x20 && c < 0x7F { return "unexpected character '\(Character(Unicode.Scalar(c)))'" }
            return "unexpected byte 0x\(String(c, radix: 16, uppercase: true))"
        case .notAnObject: return "a record must be a JSON object (or an array of objects)"
        case .arrayElementNotAnObject: return "an array record must hold only objects"
        case .badEscape: return "invalid escape sequence in a string"
        case .controlCharacterInString: return "unescaped control character in a string"
        case .badNumber: return "invalid number"
        case .badLiteral: return "invalid literal (expected true, false or null)"
        case .tooDeep: return "nesting deeper than 1000 levels"
        case .nullRecord: return "the record is null"
        case .carriageReturn: return "carriage return inside a line"
        }
    }
}
