/// JSON string literals written the way the two halves of the Sparkify bucket write them.
///
/// song_data was written by Python's `json.dumps` (non-ASCII as `\u00e9`, surrogate pairs above
/// U+FFFF, `/` left alone); log_data by a Java writer that escapes `/` as `\/` and keeps most
/// non-ASCII text as raw UTF-8. Both are valid JSON that decodes to the same text, which is
/// exactly what readers must get right.
enum JSONText {
    /// How non-ASCII characters are written.
    enum NonASCII {
        /// As `\uXXXX` escapes (lowercase hex, UTF-16 surrogate pairs above U+FFFF).
        case escaped
        /// As raw UTF-8 bytes.
        case raw
    }

    /// `text` as a quoted JSON string literal.
    static func quoted(_ text: String, escapeSlash: Bool, nonASCII: NonASCII) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x2F: out += escapeSlash ? [0x5C, 0x2F] : [0x2F]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20: appendEscape(UInt16(value), to: &out)
            case 0x20..<0x80: out.append(UInt8(value))
            default:
                switch nonASCII {
                case .raw:
                    out += Array(String(scalar).utf8)
                case .escaped:
                    for unit in String(scalar).utf16 { appendEscape(unit, to: &out) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendEscape(_ unit: UInt16, to out: inout [UInt8]) {
        out += [0x5C, UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}
