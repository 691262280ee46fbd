internal import Dispatch

/// Runs submitted jobs on up to `width` threads and hands their results back in submission
/// order, so output is the same whatever the scheduling.
///
/// Each of the `width` workers is a serial queue of its own that takes jobs from one FIFO,
/// not one concurrent queue: a concurrent queue gets threads from libdispatch's pool,
/// which counts the submitting thread (itself a pool thread under Swift concurrency)
/// against the machine's cores, and so ran one job at a time on two cores while the
/// submitter was busy reading. A serial queue gets a thread whenever it has work. Up to
/// `width` more jobs wait in the FIFO, so a worker that finishes finds the next one ready
/// instead of waiting for the submitter to read it.
final class OrderedPipeline<R: Sendable>: @unchecked Sendable {
    private typealias Job = (sequence: Int, work: @Sendable () -> R)
    private let workers: [DispatchQueue]
    /// Running and waiting jobs, at most twice the width.
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let lock = PThreadMutex()
    /// Jobs not started, oldest first (at most twice the width: the semaphore).
    private var waiting: [Job] = []
    private var finished: [Int: R] = [:]
    /// The workers with nothing to do.
    private var idle: [Int]
    private var submitted = 0
    private var nextToHand = 0

    init(width: Int) {
        let width = max(1, width)
        workers = (0..<width).map { DispatchQueue(label: "winnow.worker.\($0)") }
        idle = Array((0..<width).reversed())
        slots = DispatchSemaphore(value: 2 * width)
    }

    /// Queues `work`, waiting first while `width` jobs are running and `width` more wait.
    func submit(_ work: @escaping @Sendable () -> R) {
        slots.wait()
        let sequence = submitted
        submitted += 1
        lock.locked {
            waiting.append((sequence, work))
            if let worker = idle.popLast() {
                workers[worker].async(group: group) { [self] in runJobs(worker) }
            }
        }
    }

    /// Runs waiting jobs on `worker` until none is left, then marks it idle.
    private func runJobs(_ worker: Int) {
        while true {
            let job: Job? = lock.locked {
                guard !waiting.isEmpty else {
                    idle.append(worker)
                    return nil
                }
                return waiting.removeFirst()
            }
            guard let job else { return }
            let value = job.work()
            lock.locked { finished[job.sequence] = value }
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
