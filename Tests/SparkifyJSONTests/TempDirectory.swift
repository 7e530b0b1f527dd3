#if canImport(Glibc)
import Glibc
#endif
import CZlib
import SparkifyJSON
import SparkifyTables

/// A fresh folder under /tmp that tests write their input into; removed on deinit.
final class TempDirectory {
    let path: String

    init() {
        var template = Array("/tmp/sparkify-json-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit { remove(path) }

    private func remove(_ target: String) {
        if let dir = opendir(target) {
            while let ent = readdir(dir) {
                let name = withUnsafePointer(to: &ent.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
                if name == "." || name == ".." { continue }
                let child = target + "/" + name
                if Int32(ent.pointee.d_type) == DT_DIR { remove(child) } else { unlink(child) }
            }
            closedir(dir)
            rmdir(target)
        }
    }

    /// Writes `bytes` to `relative` (folders created) and returns the full path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = path + "/" + relative
        var folder = ""
        for part in relative.split(separator: "/").dropLast() {
            folder += "/" + part
            mkdir(path + folder, 0o755)
        }
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot create \(full)")
        bytes.withUnsafeBufferPointer { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    /// Writes `text` gzip-compressed.
    @discardableResult
    func writeGzip(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Self.gzip(Array(text.utf8)))
    }

    func makeFolder(_ relative: String) {
        var folder = ""
        for part in relative.split(separator: "/") {
            folder += "/" + part
            mkdir(path + folder, 0o755)
        }
    }

    static func gzip(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        var output = [UInt8](repeating: 0, count: input.count + 1024)
        var input = input
        let produced = input.withUnsafeMutableBufferPointer { inp in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = inp.baseAddress
                stream.avail_in = UInt32(inp.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                deflate(&stream, Z_FINISH)
                return out.count - Int(stream.avail_out)
            }
        }
        deflateEnd(&stream)
        return Array(output[..<produced])
    }
}

/// Reads `path` with options given as Spark's option map.
func readJSON(_ path: String, _ options: [String: String] = [:], threads: Int? = nil, chunkBytes: Int? = nil) throws -> JSONReadResult {
    var parsed = try JSONReadOptions(options: options)
    parsed.threads = threads
    if let chunkBytes { parsed.chunkBytes = chunkBytes }
    return try JSONReader.read(path, options: parsed)
}

extension Table {
    /// The values of column `name`, boxed.
    func values(_ name: String) -> [Value] {
        guard let column = column(named: name) else { return [] }
        return column.allValues
    }

    /// `name: type` for each field, as `simpleString`.
    var schemaText: String {
        schema.fields.map { "\($0.name) \($0.type.simpleString)" }.joined(separator: ", ")
    }
}
