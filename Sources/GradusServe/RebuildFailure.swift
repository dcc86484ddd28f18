import Foundation
import GradusRender

/// Why a rebuild could not be written, in the user's words. Foundation's file errors print as a generic "The
/// operation could not be completed" or as a dump of their domain and code; the path and the system's reason
/// (`Permission denied`, `No space left on device`) are dug out of them instead.
enum RebuildFailure {
    static func describe(_ error: any Error) -> String {
        if let error = error as? WriteError { return error.description }
        let cocoa = error as NSError
        guard cocoa.domain == NSCocoaErrorDomain || cocoa.domain == NSPOSIXErrorDomain else { return "\(error)" }
        let path = (cocoa.userInfo[NSFilePathErrorKey] as? String) ?? (cocoa.userInfo[NSURLErrorKey] as? URL)?.path
        var reason = cocoa.localizedDescription
        if cocoa.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(cocoa.code)))
        } else if let underlying = (cocoa.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
                  underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        }
        return path.map { "cannot write \($0): \(reason)" } ?? reason
    }
}
