#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A data file found by `FileLister`.
public struct ListedFile: Sendable, Equatable {
    /// The path as the user wrote its folders, then the names found.
    public let path: String
    /// Size in bytes when listed.
    public let size: Int
}

/// Resolves what a user gives as input (a file, a folder, or a Hadoop glob) into the data
/// files to read, in sorted path order, as Spark lists them: names starting with `_` or `.`
/// are hidden (Spark's `HadoopFSUtils.shouldFilterOutPathName`). Shared by the file readers.
public enum FileLister {
    /// Whether Spark skips a file or folder of this name.
    public static func isHidden(_ name: String) -> Bool {
        let exclude = (name.hasPrefix("_") && !name.contains("=")) || name.hasPrefix(".") || name.hasSuffix("._COPYING_")
        let include = name.hasPrefix("_common_metadata") || name.hasPrefix("_metadata")
        return exclude && !include
    }

    /// The data files `path` names: the file itself; a folder's direct files (every nested
    /// file when `recursive`); or the files and folders a glob matches (`**` matching any
    /// number of folders). Throws when the path does not exist or nothing is left to read.
    public static func list(_ path: String, recursive: Bool = false) throws(JSONReadError) -> [ListedFile] {
        guard !path.isEmpty else { throw JSONReadError(.pathNotFound, "the path is empty") }
        var roots: [Entry] = []
        if GlobPattern.hasWildcard(path) {
            for pattern in try GlobPattern.expandBraces(path) {
                roots += try globRoots(pattern)
            }
            if roots.isEmpty { throw JSONReadError(.noFiles, "no file or folder matches the glob '\(path)'") }
        } else {
            guard let entry = entry(at: path) else {
                if errno == ENOTDIR {
                    throw JSONReadError(.pathNotFound, "path does not exist: \(path) (a file is used as a folder in it)")
                }
                throw JSONReadError(.pathNotFound, "path does not exist: \(path)")
            }
            roots = [entry]
        }
        var files: [ListedFile] = []
        var hiddenRoots: [String] = []
        var foldersSkipped = 0
        for root in roots {
            if root.isDirectory {
                collect(directory: root.path, recursive: recursive, into: &files, foldersSkipped: &foldersSkipped)
            } else if isHidden(lastComponent(root.path)) {
                hiddenRoots.append(root.path)
            } else {
                files.append(ListedFile(path: root.path, size: root.size))
            }
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var unique: [ListedFile] = []
        unique.reserveCapacity(files.count)
        for file in files where unique.last?.path != file.path { unique.append(file) }
        if unique.isEmpty {
            if !hiddenRoots.isEmpty {
                throw JSONReadError(.noFiles, "all paths were ignored: \(hiddenRoots.joined(separator: ", ")) (names starting with _ or . are hidden files, as in Spark)")
            }
            if foldersSkipped > 0 {
                throw JSONReadError(.noFiles, "no data files in \(path): it only has \(foldersSkipped) subfolder(s); read them with recursiveFileLookup (--recursive) or a glob such as \(path.hasSuffix("/") ? path : path + "/")*/*.json")
            }
            throw JSONReadError(.noFiles, "no data files in \(path)")
        }
        return unique
    }

    struct Entry: Sendable {
        let path: String
        let isDirectory: Bool
        let size: Int
    }

    static func entry(at path: String) -> Entry? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            // A dangling symlink is still listed, so that reading it reports the problem.
            if lstat(path, &st) == 0 { return Entry(path: path, isDirectory: false, size: 0) }
            return nil
        }
        return Entry(path: path, isDirectory: (st.st_mode & S_IFMT) == S_IFDIR, size: Int(st.st_size))
    }

    static func lastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }

    static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// The entries of `directory` (without `.` and `..`), unsorted.
    static func entries(of directory: String) -> [Entry] {
        guard let dir = opendir(directory.isEmpty ? "." : directory) else { return [] }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var out: [Entry] = []
        while let ent = readdir(dir) {
            let (name, type) = withUnsafePointer(to: &ent.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), ent.pointee.d_type) }
            }
            if name == "." || name == ".." { continue }
            let path = join(directory, name)
            var st = stat()
            if Int32(type) == DT_REG {
                let size = fstatat(fd, name, &st, 0) == 0 ? Int(st.st_size) : 0
                out.append(Entry(path: path, isDirectory: false, size: size))
            } else if Int32(type) == DT_DIR {
                out.append(Entry(path: path, isDirectory: true, size: 0))
            } else if fstatat(fd, name, &st, 0) == 0 {
                let kind = st.st_mode & S_IFMT
                if kind == S_IFDIR { out.append(Entry(path: path, isDirectory: true, size: 0)) }
                else if kind == S_IFREG { out.append(Entry(path: path, isDirectory: false, size: Int(st.st_size))) }
            } else if Int32(type) == DT_LNK {
                out.append(Entry(path: path, isDirectory: false, size: 0))
            }
        }
        return out
    }

    private static func collect(directory: String, recursive: Bool, into files: inout [ListedFile], foldersSkipped: inout Int) {
        var folders: [String] = []
        for entry in entries(of: directory) {
            if isHidden(lastComponent(entry.path)) { continue }
            if entry.isDirectory {
                if recursive { folders.append(entry.path) } else { foldersSkipped += 1 }
            } else {
                files.append(ListedFile(path: entry.path, size: entry.size))
            }
        }
        // Breadth first, a level of folders at a time, spread over the cores.
        while !folders.isEmpty {
            var next: [String] = []
            for listed in parallelMap(folders, { entries(of: $0) }) {
                for entry in listed where !isHidden(lastComponent(entry.path)) {
                    if entry.isDirectory { next.append(entry.path) } else { files.append(ListedFile(path: entry.path, size: entry.size)) }
                }
            }
            folders = next
        }
    }

    /// `transform` of each item, in order; on all cores when there are many items.
    static func parallelMap(_ items: [String], _ transform: @Sendable @escaping (String) -> [Entry]) -> [[Entry]] {
        guard items.count >= 64 else { return items.map(transform) }
        let results = Mutex<[Int: [Entry]]>([:])
        let batch = 64
        let batches = (items.count + batch - 1) / batch
        DispatchQueue.concurrentPerform(iterations: batches) { b in
            var local: [(Int, [Entry])] = []
            for i in (b * batch)..<min(items.count, (b + 1) * batch) { local.append((i, transform(items[i]))) }
            results.withLock { all in for (i, e) in local { all[i] = e } }
        }
        let all = results.withLock { $0 }
        return items.indices.map { all[$0] ?? [] }
    }

    /// The files and folders one brace-free glob matches.
    private static func globRoots(_ pattern: String) throws(JSONReadError) -> [Entry] {
        let absolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var compiled: [GlobPattern] = []
        for component in components { compiled.append(try GlobPattern(component: component)) }
        var current: [Entry] = [Entry(path: absolute ? "/" : "", isDirectory: true, size: 0)]
        for (index, component) in compiled.enumerated() {
            let isLast = index == compiled.count - 1
            var next: [Entry] = []
            for dir in current where dir.isDirectory {
                if component.isAnyDepth {
                    if isLast {
                        next.append(dir)
                    } else {
                        next.append(dir)
                        descendants(of: dir.path, into: &next)
                    }
                } else if component.isLiteral {
                    if let entry = entry(at: join(dir.path, component.literalText)) { next.append(entry) }
                }
            }
            if !component.isAnyDepth && !component.isLiteral {
                // Listing folders is system calls: spread many folders over the cores.
                let folders = current.filter(\.isDirectory).map(\.path)
                for listed in parallelMap(folders, { entries(of: $0) }) {
                    for entry in listed where component.matches(lastComponent(entry.path)) { next.append(entry) }
                }
            }
            current = next
            if current.isEmpty { break }
        }
        if compiled.last?.isAnyDepth == true {
            // `dir/**` reads every nested file.
            var files: [ListedFile] = []
            var skipped = 0
            for dir in current { collect(directory: dir.path, recursive: true, into: &files, foldersSkipped: &skipped) }
            return files.map { Entry(path: $0.path, isDirectory: false, size: $0.size) }
        }
        return current
    }

    private static func descendants(of directory: String, into out: inout [Entry]) {
        for entry in entries(of: directory) where entry.isDirectory && !isHidden(lastComponent(entry.path)) {
            out.append(entry)
            descendants(of: entry.path, into: &out)
        }
    }
}
