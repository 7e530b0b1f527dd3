import Foundation

/// Where session scripts go: a bare name means `sessions/NAME`, and a name without an
/// extension gets `.sparkify`.
public enum SessionPaths {
    /// The default folder for session scripts, relative to the current folder.
    public static let folder = "sessions"
    /// The extension of session scripts.
    public static let fileExtension = "sparkify"
    /// The variable that holds the folder of the script being replayed: `${script_dir}`.
    public static let scriptDirectoryKey = "script_dir"

    /// The file `.record NAME` and `.save NAME` write, its folder created when missing.
    static func forWriting(_ name: String) throws -> String {
        var path = name.contains("/") ? name : folder + "/" + name
        if (path as NSString).pathExtension.isEmpty { path += "." + fileExtension }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw REPLError("Cannot make the folder \(parent): \(error.localizedDescription)")
            }
        }
        return path
    }

    /// True when the two paths name the same file.
    static func same(_ a: String, _ b: String) -> Bool {
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return canonical(a) == canonical(b)
    }

    /// The script `.read NAME` runs: NAME as given, else beside the script being replayed,
    /// else in `sessions/`, each also with `.sparkify` added.
    static func forReading(_ name: String, scriptDirectory: String?) throws -> String {
        var bases = [name]
        if !name.hasPrefix("/") {
            if let scriptDirectory { bases.append(scriptDirectory + "/" + name) }
            bases.append(folder + "/" + name)
        }
        let candidates = bases.flatMap { [$0, $0 + "." + fileExtension] }
        var isFolder: ObjCBool = false
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) && !isFolder.boolValue {
            return candidate
        }
        throw REPLError("No session script \(name) (looked for \(candidates.joined(separator: ", "))).")
    }
}
