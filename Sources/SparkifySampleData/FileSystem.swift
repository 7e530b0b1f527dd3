#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the generator needs, with errors that name the path.
enum FileSystem {
    /// What is at a path.
    enum EntryKind {
        case missing, directory, other
    }

    static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
    }

    /// Whether the directory holds nothing but `.` and `..`.
    static func isEmptyDirectory(_ path: String) throws(SampleDataError) -> Bool {
        try entries(of: path).isEmpty
    }

    /// Creates the directory and any missing parents (like `mkdir -p`).
    static func makeDirectories(_ path: String) throws(SampleDataError) {
        if kind(of: path) == .directory { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            try makeDirectory(prefix)
            prefix += "/"
        }
    }

    /// Creates one directory; an existing directory is fine.
    static func makeDirectory(_ path: String) throws(SampleDataError) {
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code == EEXIST && kind(of: path) == .directory { return }
            throw .io(path: path, operation: "create directory", code: code)
        }
    }

    /// Deletes a file or a directory tree if it exists; symbolic links are removed, not followed.
    static func remove(_ path: String) throws(SampleDataError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            if unlink(path) != 0 { throw .io(path: path, operation: "remove", code: errno) }
            return
        }
        for name in try entries(of: path) {
            try remove(path + "/" + name)
        }
        if rmdir(path) != 0 { throw .io(path: path, operation: "remove", code: errno) }
    }

    /// The names in a directory, without `.` and `..`.
    static func entries(of path: String) throws(SampleDataError) -> [String] {
        guard let handle = opendir(path) else {
            throw .io(path: path, operation: "open directory", code: errno)
        }
        defer { closedir(handle) }
        var names = [String]()
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates (or truncates) a file for writing and returns its descriptor.
    static func create(_ path: String) throws(SampleDataError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw .io(path: path, operation: "create", code: errno) }
        return descriptor
    }

    /// Closes a descriptor, reporting late write errors.
    static func close(_ descriptor: Int32, path: String) throws(SampleDataError) {
        #if canImport(Glibc)
        let result = Glibc.close(descriptor)
        #else
        let result = Darwin.close(descriptor)
        #endif
        if result != 0 { throw .io(path: path, operation: "close", code: errno) }
    }

    /// Writes the buffer's contents as the whole file and empties the buffer.
    static func writeFile(_ path: String, from buffer: OutputBuffer) throws(SampleDataError) {
        let descriptor = try create(path)
        do {
            try buffer.drain(to: descriptor, path: path)
        } catch {
            _ = try? close(descriptor, path: path)
            throw error
        }
        try close(descriptor, path: path)
    }
}
