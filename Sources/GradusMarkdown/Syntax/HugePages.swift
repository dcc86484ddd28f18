#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Transparent huge pages for the parser's large buffers (Linux). A document's nodes and text are written once,
/// front to back, into fresh memory; with 4 KiB pages the kernel takes a page fault per 4 KiB, which on a
/// 20 MB document cost as much time as the inline phase (25 000 faults). Asking for 2 MiB pages where the
/// system allows them (`/sys/kernel/mm/transparent_hugepage/enabled` is `always` or `madvise`) makes that a
/// fault per 2 MiB; where it does not, the advice is ignored. The advice never changes what memory holds.
enum HugePages {
    static let size = 2 << 20
    /// Buffers from this size up are advised.
    static let threshold = 4 << 20

    /// Allocates `bytes` (for `free`/`realloc`): from `threshold` up aligned to 2 MiB and advised.
    static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        #if os(Linux)
        if bytes >= threshold {
            var raw: UnsafeMutableRawPointer? = nil
            if posix_memalign(&raw, size, bytes) == 0, let raw {
                _ = madvise(raw, bytes, MADV_HUGEPAGE)
                return raw
            }
        }
        #endif
        return malloc(max(bytes, 1))!
    }

    /// Grows an allocation of `allocate` to `bytes`, keeping its contents. `realloc` moves a large block's pages
    /// (`mremap`) rather than copying them into fresh memory; the grown block is advised again.
    static func reallocate(_ p: UnsafeMutableRawPointer, to bytes: Int) -> UnsafeMutableRawPointer {
        let q = realloc(p, bytes)!
        #if os(Linux)
        if bytes >= threshold { advise(q, bytes) }
        #endif
        return q
    }

    /// Advises the whole 2 MiB pages of `bytes` from `p`.
    static func advise(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        #if os(Linux)
        let start = (Int(bitPattern: p) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: p) + bytes) & ~(size - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
        #endif
    }

    /// Advises the whole 2 MiB pages of an array's reserved but unused capacity (call right after
    /// `reserveCapacity`, before writing).
    static func advise(_ array: inout [UInt8]) {
        #if os(Linux)
        let capacity = array.capacity
        guard capacity >= threshold else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            advise(UnsafeMutableRawPointer(base + buffer.count), capacity - buffer.count)
        }
        #endif
    }
}
