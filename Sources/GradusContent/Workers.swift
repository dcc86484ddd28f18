import Dispatch
import Foundation
import Synchronization

/// How many threads a build uses for its per-lesson and per-page work (parsing, compiling, rendering, comparing
/// and writing files). Results are always gathered by index, never by completion, so the output of a build does
/// not depend on the count: one worker and many give the same bytes (`ParallelBuildTests`).
public struct Workers: Sendable, Equatable {
    public var count: Int

    public init(_ count: Int) { self.count = max(1, count) }

    /// One per core the process may run on; `GRADUS_JOBS` overrides it (1: everything on the calling thread).
    public static var machine: Workers {
        if let text = ProcessInfo.processInfo.environment["GRADUS_JOBS"], let count = Int(text), count > 0 {
            return Workers(count)
        }
        return Workers(ProcessInfo.processInfo.activeProcessorCount)
    }

    public static let one = Workers(1)

    /// `transform` applied to each of `0..<count`, the results in index order. Indices are handed out one at a
    /// time as threads free up, so a long item does not hold back the others.
    public func map<Result: Sendable>(_ count: Int, _ transform: (Int) -> Result) -> [Result] {
        let threads = min(self.count, count)
        if threads <= 1 { return (0..<count).map(transform) }
        let slots = Slots<Result>(count)
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    slots.set(index, work.value(index))
                }
            }
        }
        return slots.collect()
    }

    /// `transform` of each element, in the elements' order.
    public func map<Element, Result: Sendable>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable((items, transform))
            return map(items.count) { work.value.1(work.value.0[$0]) }
        }
    }
}

/// A value handed to the worker threads that only read it (or, for closures, only call what reads shared state).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One result slot per index, each written by exactly one thread and read only after every thread has finished.
private final class Slots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: Value) { buffer[index] = value }

    func collect() -> [Value] { buffer.map { $0! } }
}
