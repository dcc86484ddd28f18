#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of the current `errno` ("No space left on device"), for messages about a failed system call.
func errnoText() -> String { String(cString: strerror(errno)) }
