import Foundation

/// File-system steps of a lake write: the staging folder beside the target, and swapping it
/// in so that a reader sees either the old lake or the new one, never a mix.
enum LakeFolder {
    /// `path` without trailing slashes (`/` stays `/`).
    static func normalized(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// The folder holding `path` and the last name in it.
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    /// Refuses targets whose replacement would delete more than a lake: a file, the root,
    /// `.`/`..`, or the working folder or one of its parents.
    static func checkTarget(_ target: String) throws(LakeError) {
        let (_, name) = split(target)
        if target.isEmpty || target == "/" || name == "." || name == ".." || name.isEmpty {
            throw LakeError(.invalidTarget, "Cannot write a lake to '\(target)': name a folder of its own, such as lake/songs.")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw LakeError(.invalidTarget, "Cannot write a lake to '\(target)': it is a file, not a folder.")
        }
        let absolute = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().path
        let working = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        if working == absolute || working.hasPrefix(absolute.hasSuffix("/") ? absolute : absolute + "/") {
            throw LakeError(.invalidTarget, "Cannot write a lake to '\(target)': replacing it would delete the working folder \(working).")
        }
    }

    /// Makes each of `relativeFolders` (and the folders between) under `root`, which exists,
    /// with one `mkdir` per folder not made yet.
    static func makeFolders(_ relativeFolders: [String], under root: String) throws(LakeError) {
        var made = Set<String>()
        for folder in relativeFolders {
            var path = root
            for component in folder.split(separator: "/") {
                path += "/" + component
                guard made.insert(path).inserted else { continue }
                if mkdir(path, 0o777) != 0 && errno != EEXIST {
                    throw LakeError(.io, "Cannot create the folder \(path): \(String(cString: strerror(errno))).")
                }
            }
        }
    }

    static func makeFolder(_ path: String) throws(LakeError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw LakeError(.io, "Cannot create the folder \(path): \(error.localizedDescription)")
        }
    }

    static func writeEmptyFile(_ path: String) throws(LakeError) {
        guard FileManager.default.createFile(atPath: path, contents: Data()) else {
            throw LakeError(.io, "Cannot create \(path).")
        }
    }

    /// Removes `path` and everything in it; quietly does nothing when it is gone. A lake of
    /// many partitions is tens of thousands of folders: this unlinks by name within each
    /// folder (as `rm -rf` does, far faster than FileManager's removal) and spreads the
    /// top-level folders over the cores.
    static func remove(_ path: String) {
        if unlink(path) == 0 { return }
        let folders = removeFiles(in: path)
        DispatchQueue.concurrentPerform(iterations: folders.count) { i in removeTree(folders[i]) }
        rmdir(path)
    }

    private static func removeTree(_ path: String) {
        for folder in removeFiles(in: path) { removeTree(folder) }
        rmdir(path)
    }

    /// Unlinks the files directly in `folder`; returns its subfolders.
    private static func removeFiles(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        let fd = dirfd(directory)
        var folders: [String] = []
        while let entry = readdir(directory) {
            let (name, type) = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), Int32(entry.pointee.d_type)) }
            }
            if name == "." || name == ".." { continue }
            if type == Int32(DT_DIR) || (unlinkat(fd, name, 0) != 0 && (errno == EISDIR || errno == EPERM)) {
                folders.append(folder + "/" + name)
            }
        }
        return folders
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Cleans up after a write of `parent/name` that a killed process left unfinished: staging
    /// folders (`.name.sparkify-tmp-*`, the old lake was never touched) are deleted; a previous
    /// lake moved aside (`.name.sparkify-old-*`) is deleted when the target is in place, and put
    /// back as the target when the process died between the two renames of `swapIn`.
    static func recoverLeftovers(parent: String, name: String) throws(LakeError) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let stagingPrefix = "." + name + ".sparkify-tmp-", asidePrefix = "." + name + ".sparkify-old-"
        for entry in entries where entry.hasPrefix(stagingPrefix) { remove(parent + "/" + entry) }
        var asides = entries.filter { $0.hasPrefix(asidePrefix) }
        let target = parent + "/" + name
        if !exists(target), let previous = asides.popLast() {
            guard rename(parent + "/" + previous, target) == 0 else {
                throw LakeError(.io, "Cannot put the previous lake \(parent)/\(previous) back at \(target): \(String(cString: strerror(errno))).")
            }
        }
        for entry in asides { remove(parent + "/" + entry) }
    }

    /// Puts the finished `staging` folder at `target`: the old target is moved aside first,
    /// the new one moved in (a rename, atomic on one file system), then the old one deleted.
    /// If moving in fails the old lake goes back. Returns whether a lake was replaced.
    static func swapIn(staging: String, target: String, aside: String) throws(LakeError) -> Bool {
        let hadTarget = exists(target)
        if hadTarget {
            guard rename(target, aside) == 0 else {
                throw LakeError(.io, "Cannot move the previous lake \(target) aside: \(String(cString: strerror(errno))).")
            }
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadTarget { _ = rename(aside, target) }
            throw LakeError(.io, "Cannot move the new lake into \(target): \(reason).")
        }
        if hadTarget { remove(aside) }
        return hadTarget
    }
}
