// Byte classes shared by both phases. CommonMark 0.31.2 §2.1 (characters and lines).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The index of the first `byte` in `s[from..<to]`, or `to` when there is none (the C library's vectorised
/// `memchr`: line endings, NUL bytes).
@inline(__always) func firstIndex(of byte: UInt8, in s: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
    guard from < to, let base = s.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return to }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
}

@inline(__always) func isSpaceOrTab(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

/// Space, tab, line feed, carriage return, form feed, vertical tab.
@inline(__always) func isASCIIWhitespace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

@inline(__always) func isASCIIDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

@inline(__always) func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }

@inline(__always) func isASCIIAlphanumeric(_ c: UInt8) -> Bool { isASCIIDigit(c) || isASCIILetter(c) }

/// ASCII punctuation: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ (§2.1).
@inline(__always) func isASCIIPunctuation(_ c: UInt8) -> Bool {
    (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
}

@inline(__always) func asciiLower(_ c: UInt8) -> UInt8 { isASCIILetter(c) ? c | 0x20 : c }

/// True when `s[p..<end]` starts with the ASCII `word`, ignoring ASCII case.
func hasPrefixIgnoringCase(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, _ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    if end - p < n { return false }
    let w = word.utf8Start
    for i in 0..<n where asciiLower(s[p + i]) != asciiLower(w[i]) { return false }
    return true
}

/// True when `word` occurs in `s[p..<end]`, ignoring ASCII case.
func containsIgnoringCase(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, _ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    var i = p
    while i + n <= end {
        if hasPrefixIgnoringCase(s, i, end, word) { return true }
        i += 1
    }
    return false
}
