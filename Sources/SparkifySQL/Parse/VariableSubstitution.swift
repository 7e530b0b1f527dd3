/// Spark's variable substitution (`VariableSubstitution`/`ConfigReader`), applied to a statement's
/// text before it is parsed.
///
/// `${key}`, `${hiveconf:key}`, `${hivevar:key}`, `${spark:key}` and `${sparkconf:key}` are replaced
/// by `lookup(key)` everywhere, inside quoted strings and backquotes too; an undefined key becomes
/// the empty string. A reference is `${`, an optional `prefix:` of word characters, then one or
/// more non-space characters up to the first `}` (Spark's `\$\{(?:(\w+?):)?(\S+?)\}`). Values are
/// substituted again themselves; a value that leads back to its own key is an error. Other
/// prefixes (`${env:HOME}`, `${system:user.name}`, `${x:y}`) are left as written — sparkify does not
/// expose the environment.
///
/// Substitution changes the text, so parse errors name lines and columns of the substituted text;
/// render them against that text (`error.rendered(source: substituted)`).
public func substituteVariables(in text: String, lookup: (String) -> String?) throws(SQLError) -> String {
    try substituteVariables(in: text, lookup: lookup, used: [])
}

private let configPrefixes: Set<String> = ["spark", "sparkconf", "hivevar", "hiveconf"]

private func substituteVariables(in text: String, lookup: (String) -> String?, used: Set<String>) throws(SQLError) -> String {
    let bytes = Array(text.utf8)
    guard bytes.count >= 4, bytes.contains(0x24) else { return text }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
        guard bytes[index] == 0x24, index + 1 < bytes.count, bytes[index + 1] == 0x7B,
              let reference = parseReference(bytes, at: index) else {
            result.append(bytes[index])
            index += 1
            continue
        }
        let name = reference.name
        let key = reference.prefix.map { "\($0):\(name)" } ?? name
        if let prefix = reference.prefix, !configPrefixes.contains(prefix) {
            result.append(contentsOf: bytes[index..<reference.end])
        } else {
            if used.contains(key) {
                throw SQLError(.analysis, "Circular reference in \(text): \(key)", errorClass: "CIRCULAR_VARIABLE_REFERENCE")
            }
            let value = lookup(name) ?? ""
            let expanded = try substituteVariables(in: value, lookup: lookup, used: used.union([key]))
            result.append(contentsOf: Array(expanded.utf8))
        }
        index = reference.end
    }
    return String(decoding: result, as: UTF8.self)
}

/// `${[prefix:]name}` at `start`: the prefix (word characters, shortest that is followed by `:`),
/// the name (non-space, up to the first `}`) and the index just past the `}`.
private func parseReference(_ bytes: [UInt8], at start: Int) -> (prefix: String?, name: String, end: Int)? {
    var close = start + 2
    while close < bytes.count && bytes[close] != 0x7D {
        if isSpace(bytes[close]) { return nil }
        close += 1
    }
    guard close < bytes.count, close > start + 2 else { return nil }
    let body = Array(bytes[(start + 2)..<close])
    // The lazy `(\w+?):` takes the first colon preceded only by word characters, if the name after
    // it is not empty.
    if let colon = body.firstIndex(of: 0x3A), colon > 0, colon + 1 < body.count,
       body[..<colon].allSatisfy(isWordCharacter) {
        return (String(decoding: body[..<colon], as: UTF8.self),
                String(decoding: body[(colon + 1)...], as: UTF8.self), close + 1)
    }
    return (nil, String(decoding: body, as: UTF8.self), close + 1)
}

private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

private func isWordCharacter(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
}
