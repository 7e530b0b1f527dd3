import SparkifyTables

/// Combining validity bitmaps: a result row is NULL when any input row is.
enum ValidityOps {
    /// The rows valid in every one of `inputs` (nil entries have no NULLs); nil if all valid.
    static func and(_ inputs: [Validity?], count: Int) -> Validity? {
        let present = inputs.compactMap { $0 }
        guard let first = present.first else { return nil }
        if present.count == 1 { return first.nullCount > 0 ? first : nil }
        var result = Validity(count: count, allValid: true)
        let wordCount = (count + 63) >> 6
        for w in 0..<wordCount {
            var word: UInt64 = ~0
            for v in present { word &= v.words[w] }
            var missing = ~word
            if w == wordCount - 1, count & 63 != 0 { missing &= (1 << UInt64(count & 63)) - 1 }
            while missing != 0 {
                let bit = missing.trailingZeroBitCount
                result.set(w << 6 | bit, valid: false)
                missing &= missing - 1
            }
        }
        return result.nullCount > 0 ? result : nil
    }

    /// A bitmap from per-row flags (true = valid); nil if all valid.
    static func from(flags: UnsafeBufferPointer<Bool>) -> Validity? {
        var result = Validity(count: flags.count, allValid: true)
        var any = false
        for i in 0..<flags.count where !flags[i] {
            result.set(i, valid: false)
            any = true
        }
        return any ? result : nil
    }

    /// `base` with rows where `flags[i]` is false also NULL.
    static func and(_ base: Validity?, flags: [Bool]) -> Validity? {
        let extra = flags.withUnsafeBufferPointer { from(flags: $0) }
        return and([base, extra], count: flags.count)
    }
}
