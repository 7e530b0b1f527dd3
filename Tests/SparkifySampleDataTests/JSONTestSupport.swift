import Foundation

/// Parsing helpers for the tests (Foundation only here, never in the generator).
enum JSONTestSupport {
    struct NotAnObject: Error {}

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw NotAnObject()
        }
        return object
    }

    /// The keys of the top-level object in the order the text has them.
    static func keysInOrder(_ bytes: [UInt8]) -> [String] {
        var keys = [String]()
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                var next = end + 1
                while next < bytes.count && bytes[next] == UInt8(ascii: " ") { next += 1 }
                if depth == 1 && next < bytes.count && bytes[next] == UInt8(ascii: ":") {
                    keys.append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                }
                index = end + 1
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
            index += 1
        }
        return keys
    }

    static func isNull(_ value: Any?) -> Bool { value is NSNull }

    /// A JSON number without a fractional part. (The generator writes no booleans, and the
    /// raw-text checks of the tests make sure integers carry no ".0".)
    static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        return double == double.rounded() ? number.intValue : nil
    }

    static func double(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}
