/// Spark's names for partition folders (`ExternalCatalogUtils.escapePathName` and
/// `unescapePathName`): `column=value`, both escaped so that no value can name another folder.
public enum PartitionPath {
    /// The folder value of a NULL or empty partition value; it reads back as NULL.
    public static let defaultPartitionName = "__HIVE_DEFAULT_PARTITION__"

    /// Whether Spark escapes `byte` as `%XX`: control characters 0x01-0x1F and 0x7F and
    /// `" # % ' * / : = ? \ { [ ] ^`. Space, `} < > | , & + ~ @ $ !` and non-ASCII stay.
    static let escapedBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0x01...0x1F { table[byte] = true }
        table[0x7F] = true
        for character in "\"#%'*/:=?\\{[]^".utf8 { table[Int(character)] = true }
        return table
    }()

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `text` escaped as Spark escapes partition column names and values (`a/b` → `a%2Fb`).
    /// The result holds no `/`, so it is always one folder name; `.` and `..` can only come
    /// after `column=`.
    public static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { escapedBytes[Int($0)] }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if escapedBytes[Int(byte)] {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The inverse of `escape`, as Spark's `unescapePathName`: `%` and two hex digits (either
    /// case) become the character U+00XX; a `%` not followed by two hex digits stays as it is.
    public static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "%", i + 2 < scalars.count,
               let high = hexValue(scalars[i + 1]), let low = hexValue(scalars[i + 2]),
               let decoded = Unicode.Scalar(high << 4 | low) {
                out.append(decoded)
                i += 3
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// The folder name `column=value` for one partition value; NULL and "" give
    /// `__HIVE_DEFAULT_PARTITION__`.
    public static func folderName(column: String, value: String?) -> String {
        let text: String
        if let value, !value.isEmpty { text = escape(value) } else { text = defaultPartitionName }
        return escape(column) + "=" + text
    }

    /// The relative folder of a partition: its `column=value` names joined by `/`, in
    /// partition column order.
    public static func relativeFolder(columns: [String], values: [String?]) -> String {
        zip(columns, values).map { folderName(column: $0, value: $1) }.joined(separator: "/")
    }

    /// Splits a folder name `column=value` into the unescaped column name and the raw value
    /// (still escaped, as Spark's inference sees it); nil when there is no `=` or no name.
    public static func parseFolderName(_ name: String) -> (column: String, rawValue: String)? {
        guard let equals = name.firstIndex(of: "=") else { return nil }
        let column = unescape(String(name[..<equals]))
        guard !column.isEmpty else { return nil }
        return (column, String(name[name.index(after: equals)...]))
    }
}
