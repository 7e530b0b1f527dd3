import Foundation

/// The walkthrough notebook (`samples/etl.sql`) and its data (`samples/data`), found from the
/// current folder or from the executable (`.build/debug/sparkify` → the package root).
struct BundledSamples {
    var notebook: String?
    var data: String?

    static func locate() -> BundledSamples? {
        let fileManager = FileManager.default
        var roots = [fileManager.currentDirectoryPath]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            roots.append(folder.path)
            folder = folder.deletingLastPathComponent()
        }
        for root in roots {
            let samples = URL(fileURLWithPath: root).appendingPathComponent("samples")
            let notebook = samples.appendingPathComponent("etl.sql").path
            let data = samples.appendingPathComponent("data").path
            let hasNotebook = fileManager.fileExists(atPath: notebook)
            let hasData = fileManager.fileExists(atPath: data)
            if hasNotebook || hasData {
                return BundledSamples(notebook: hasNotebook ? relative(notebook) : nil, data: hasData ? relative(data) : nil)
            }
        }
        return nil
    }

    /// `path` relative to the current folder when it is inside it (shorter in messages).
    private static func relative(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}
