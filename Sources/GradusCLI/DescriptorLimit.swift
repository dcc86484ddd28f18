import Foundation
import GradusRender

/// How many files a build may have open at once. Below a few dozen, parts of the system a build relies on (the
/// threads' queues, the folders and files it reads and writes) fail at points that vary from run to run; a build
/// then refuses at once, with the way out, instead of stopping somewhere in the middle.
enum DescriptorLimit {
    static let needed: rlim_t = 64

    /// Raises the soft limit towards the hard one when it is below `needed`; throws when the limit in force stays
    /// below it.
    static func ensure() throws(OutputFolder.Refusal) {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < needed else { return }
        if limit.rlim_max > limit.rlim_cur {
            limit.rlim_cur = min(limit.rlim_max, needed)
            _ = setrlimit(resource, &limit)
            _ = getrlimit(resource, &limit)
        }
        guard limit.rlim_cur < needed else { return }
        throw OutputFolder.Refusal(message: "only \(limit.rlim_cur) files may be open at once, and a build needs \(needed)",
                                   hint: "raise the limit of open files (ulimit -n) and build again", isUsage: false)
    }
}
