internal import Dispatch

/// Runs submitted jobs on up to `width` threads and hands their results back in submission
/// order, so output is the same whatever the scheduling.
final class OrderedPipeline<R: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "winnow.workers", attributes: .concurrent)
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let lock = PThreadMutex()
    private var finished: [Int: R] = [:]
    private var submitted = 0
    private var nextToHand = 0

    init(width: Int) {
        slots = DispatchSemaphore(value: max(1, width))
    }

    /// Starts `work`, waiting first while `width` jobs are running.
    func submit(_ work: @escaping @Sendable () -> R) {
        slots.wait()
        let sequence = submitted
        submitted += 1
        queue.async(group: group) { [self] in
            let value = work()
            lock.locked { finished[sequence] = value }
            slots.signal()
        }
    }

    /// The next result in submission order, if it is finished.
    func nextInOrder() -> R? {
        lock.locked {
            guard let value = finished.removeValue(forKey: nextToHand) else { return nil }
            nextToHand += 1
            return value
        }
    }

    /// `transform` applied to every element on up to `jobs` threads, results in input order;
    /// the first error thrown (in input order) is rethrown after all have finished.
    static func map<T: Sendable>(_ items: [T], jobs: Int, _ transform: @escaping @Sendable (T) throws -> R) throws
        -> [R]
    {
        let pipeline = OrderedPipeline<Result<R, any Error>>(width: jobs)
        for item in items { pipeline.submit { Result { try transform(item) } } }
        return try pipeline.drain().map { try $0.get() }
    }

    /// Waits for every job and returns the remaining results in order.
    func drain() -> [R] {
        group.wait()
        var out: [R] = []
        while let value = nextInOrder() { out.append(value) }
        return out
    }
}
