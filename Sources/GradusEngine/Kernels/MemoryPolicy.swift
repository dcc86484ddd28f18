#if canImport(Glibc)
import Glibc
#endif

/// Keeps memory that the engine frees inside the process, for the next training step to reuse.
///
/// Why: a step allocates and frees the same few dozen arrays each time. glibc's malloc hands the top of the
/// heap back to the kernel whenever more than 128 KiB is free there, and maps blocks above 128 KiB afresh,
/// so every step page-faulted and zeroed all its memory again — half the time of a small MLP step. Raising
/// both thresholds (to 256 MiB and 32 MiB, glibc's largest) keeps the pages; the process still returns memory
/// above the trim threshold. Elsewhere than glibc this does nothing.
enum MemoryPolicy {
    /// Applied on first use (by the first backward pass); true when glibc accepted both settings.
    static let applied: Bool = {
        #if canImport(Glibc)
        // mallopt is declared in malloc.h, which Swift's Glibc module does not import.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3   // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        return mallopt(trimThreshold, 256 << 20) == 1 && mallopt(mmapThreshold, 32 << 20) == 1
        #else
        return false
        #endif
    }()
}
