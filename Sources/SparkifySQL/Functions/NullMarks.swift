import SparkifyTables

/// Builds a column's values array in place, with an optional per-row NULL mark.
struct NullMarks {
    private(set) var flags: [Bool]
    private(set) var any = false

    init(count: Int) { flags = [Bool](repeating: true, count: count) }

    @inline(__always)
    mutating func setNull(_ i: Int) {
        flags[i] = false
        any = true
    }

    /// The validity of a result whose inputs had `inputValidity`.
    func validity(combinedWith inputValidity: Validity?) -> Validity? {
        guard any else { return inputValidity }
        return ValidityOps.and(inputValidity, flags: flags)
    }
}
