#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Keeps freed chunk storage from lingering in the process: glibc raises its mmap threshold
/// after large frees, so multi-megabyte buffers would come from the heap and stay resident
/// after `free`. A fixed threshold keeps them mapped and returned on free, which is what
/// keeps peak memory below the bytes read.
enum MemoryTuning {
    #if canImport(Glibc)
    // <malloc.h> is not part of the Glibc module.
    @_silgen_name("mallopt")
    private static func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
    @_silgen_name("malloc_trim")
    private static func glibcMallocTrim(_ pad: Int) -> Int32
    #endif

    /// Hands free memory inside malloc's arenas back to the system (after a load, whose
    /// unit buffers are gone).
    static func trim() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    private static let done = Atomic<Bool>(false)

    static func returnFreedMemoryEagerly() {
        #if canImport(Glibc)
        if done.exchange(true, ordering: .relaxed) { return }
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 64 << 10)
        #endif
    }

    /// Maps in the pages of a buffer range about to be written with one system call rather
    /// than a page fault per 4 KiB (`MADV_POPULATE_WRITE`, Linux 5.14+; a no-op where it is
    /// unknown). Used just before each unit's values are copied, so memory is not touched
    /// earlier than it would be anyway.
    static func populate(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        #if canImport(Glibc)
        guard let base, bytes >= 64 << 10 else { return }
        let page = 4096
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, 23 /* MADV_POPULATE_WRITE */)
        #endif
    }
}
