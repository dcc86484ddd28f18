#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The renderer's output: a fixed 64 KiB chunk that is handed on whenever it fills up, to a sink (the CLI
/// writes it to standard output) or to the bytes collected for `HTMLRenderer.render`. Writing a byte is a
/// store and an increment: no uniqueness or capacity check of an Array per append, and the chunk stays in the
/// cache. `finish()` hands on what is left and frees the chunk.
struct HTMLOutput {
    static let capacity = 1 << 16

    private let base: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// The last byte written, a line feed before the first (so that `cr` writes nothing at the start).
    private var lastFlushed: UInt8 = 0x0A
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// What was handed on, when there is no sink.
    private(set) var collected: [UInt8] = []

    /// Output collected into `collected`; `expected` bytes are reserved for it.
    init(expected: Int) {
        base = .allocate(capacity: HTMLOutput.capacity)
        sink = nil
        collected.reserveCapacity(expected)
        HugePages.advise(&collected)
    }

    /// Output handed to `sink` chunk by chunk.
    init(sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        base = .allocate(capacity: HTMLOutput.capacity)
        self.sink = sink
    }

    /// Hands on what is left and frees the chunk; the output must not be written to afterwards.
    mutating func finish() {
        flush(all: true)
        base.deallocate()
    }

    /// Hands on the chunk. A sink gets whole UTF-8 sequences: a sequence that the chunk's end cuts stays
    /// behind and starts the next chunk, so that each chunk decodes on its own.
    private mutating func flush(all: Bool = false) {
        guard count > 0 else { return }
        lastFlushed = base[count - 1]
        var cut = count
        if let sink {
            if !all {
                // The last lead byte among the final three, and whether its sequence is complete.
                var j = count - 1
                while j > 0 && j > count - 4 && base[j] & 0xC0 == 0x80 { j -= 1 }
                let lead = base[j]
                let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                if lead >= 0xC0 && count - j < length && j > 0 { cut = j }
            }
            sink(UnsafeBufferPointer(start: base, count: cut))
        } else {
            collected.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
        let rest = count - cut
        if rest > 0 { base.update(from: base + cut, count: rest) }
        count = rest
    }

    /// Makes room for `n` more bytes (at most `capacity`).
    @inline(__always) mutating func reserve(_ n: Int) {
        if HTMLOutput.capacity &- count < n { flush() }
    }

    /// The last byte written.
    var last: UInt8 { count > 0 ? base[count - 1] : lastFlushed }

    @inline(__always) mutating func append(_ c: UInt8) {
        reserve(1)
        base[count] = c
        count &+= 1
    }

    /// Appends `n` bytes from `p`.
    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        var p = p, n = n
        while n > 0 {
            if count == HTMLOutput.capacity { flush() }
            let k = min(n, HTMLOutput.capacity &- count)
            (base + count).update(from: p, count: k)
            count &+= k
            p += k
            n &-= k
        }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let p = bytes.baseAddress { append(p, bytes.count) }
    }

    mutating func append(_ s: StaticString) {
        append(s.utf8Start, s.utf8CodeUnitCount)
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 {
        for c in bytes { append(c) }
    }

    /// Appends `bytes[a..<b]` with `&`, `<`, `>` and `"` escaped: eight bytes at a time while none of them
    /// is one of the four, a byte at a time in the word that holds one. A run's last few bytes are read as a
    /// whole word too when the buffer goes on past them (the bytes after the run are neither tested nor kept).
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) {
        guard a < b, let src = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(src)
        let readable = bytes.count
        var i = a
        while i < b {
            // One word may become up to 48 bytes (`&quot;` for each of 8).
            reserve(48)
            let k = min(b &- i, 8)
            if i &+ 8 <= readable {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                var hits = HTMLOutput.escapable(w)
                if k < 8 { hits &= (1 &<< UInt64(8 &* k)) &- 1 }
                if hits == 0 {
                    UnsafeMutableRawPointer(base + count).storeBytes(of: w, as: UInt64.self)
                    count &+= k
                    i &+= k
                    continue
                }
            }
            let stop = i &+ k
            while i < stop {
                let c = src[i]
                if c < 0x3F && (HTMLOutput.escapeMask >> UInt64(c)) & 1 != 0 {
                    switch c {
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    default: put("&quot;")
                    }
                } else {
                    base[count] = c
                    count &+= 1
                }
                i &+= 1
            }
        }
    }

    /// Writes a short constant into room already reserved.
    @inline(__always) private mutating func put(_ s: StaticString) {
        (base + count).update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        count &+= s.utf8CodeUnitCount
    }

    static let escapeMask: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    /// The high bit of each byte of `w` that is `"`, `&`, `<` or `>` (the zero-byte test on `w` xor each). A
    /// byte above a set one may be set too (borrows run upwards), never one below: masking off the high bytes
    /// keeps the answer exact for the low ones.
    @inline(__always) static func escapable(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x26)) | zeroByte(w ^ (ones &* 0x3C))
            | zeroByte(w ^ (ones &* 0x3E))
    }
}
