/// A piece of the input one thread parses into one set of columns: a run of whole files in
/// sorted order, or one byte range of a big plain file (split where lines start).
struct WorkUnit: Sendable {
    /// Indices into the listed files.
    var files: Range<Int>
    /// For a part of one file: the bytes whose lines this unit owns (a line belongs to the
    /// part where it starts).
    var byteRange: Range<Int>?
    /// Which part of its file this is (0 for whole files).
    var part = 0

    /// Groups small files and splits big ones so that both threads have work: about
    /// `chunkBytes` per unit, at least a few units per thread, at most 4096 files per unit.
    static func plan(_ files: [ListedFile], options: JSONReadOptions, threads: Int) -> [WorkUnit] {
        let total = files.reduce(0) { $0 + $1.size }
        let target = min(options.chunkBytes, max(64 << 10, total / max(1, threads * 8)))
        var units: [WorkUnit] = []
        var groupStart = 0
        var groupBytes = 0
        func closeGroup(_ end: Int) {
            if end > groupStart { units.append(WorkUnit(files: groupStart..<end)) }
            groupStart = end
            groupBytes = 0
        }
        for (index, file) in files.enumerated() {
            let splittable = !options.multiLine && !file.path.hasSuffix(".gz") && file.size > options.chunkBytes
            if splittable {
                closeGroup(index)
                let parts = (file.size + options.chunkBytes - 1) / options.chunkBytes
                for part in 0..<parts {
                    let start = part * options.chunkBytes
                    let end = part == parts - 1 ? Int.max : start + options.chunkBytes
                    units.append(WorkUnit(files: index..<(index + 1), byteRange: start..<end, part: part))
                }
                groupStart = index + 1
                continue
            }
            if groupBytes > 0, groupBytes + file.size > target || index - groupStart >= 4096 {
                closeGroup(index)
            }
            groupBytes += max(file.size, 1)
        }
        closeGroup(files.count)
        return units
    }
}
