import Glibc
import Testing

@testable import Winnow

/// The worker pipeline of `winnow run` and `winnow dedup`: `width` jobs at once, never more,
/// results in submission order.
@Suite struct OrderedPipelineTests {
    /// A counter several threads touch.
    final class Tally: @unchecked Sendable {
        private let lock = PThreadMutex()
        private var running = 0
        private(set) var started = 0
        private(set) var mostAtOnce = 0
        private(set) var startTimes: [Double] = []

        func begin() {
            let now = OrderedPipelineTests.seconds()
            lock.locked {
                started += 1
                running += 1
                mostAtOnce = max(mostAtOnce, running)
                startTimes.append(now)
            }
        }

        func end() { lock.locked { running -= 1 } }
        var startedNow: Int { lock.locked { started } }
        var lockedStartTimes: [Double] { lock.locked { startTimes } }
    }

    static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Two jobs at width 2 start together even while the submitting thread stays busy:
    /// each spins until the other has started, and the second starts within half a second
    /// of the first.
    ///
    /// The submitter of `winnow run` is a thread of the Swift-concurrency pool, as this
    /// test's is; with one concurrent dispatch queue, libdispatch counted it against the
    /// machine's cores and, on two cores, held the second job back for one to ten seconds
    /// (measured with that implementation: three runs, 1.1 s, over 10 s, 4.1 s).
    @Test func widthTwoRunsTwoJobsAtOnceWhileTheSubmitterIsBusy() {
        let tally = Tally()
        let pipeline = OrderedPipeline<Bool>(width: 2)
        for _ in 0..<2 {
            pipeline.submit {
                tally.begin()
                defer { tally.end() }
                let deadline = Self.seconds() + 10
                while tally.startedNow < 2, Self.seconds() < deadline {}
                return tally.startedNow == 2
            }
        }
        let deadline = Self.seconds() + 10
        while tally.startedNow < 2, Self.seconds() < deadline {}  // busy, not blocked
        #expect(pipeline.drain() == [true, true])
        let times = tally.lockedStartTimes
        #expect(times.count == 2 && abs(times[1] - times[0]) < 0.5, "start times \(times)")
    }

    /// Never more than `width` jobs at once, however many are queued, and every result in
    /// the order its job was submitted, whatever order they finish in.
    @Test(arguments: [1, 2, 3])
    func boundedAndOrdered(width: Int) {
        let tally = Tally()
        let pipeline = OrderedPipeline<Int>(width: width)
        var handed: [Int] = []
        for k in 0..<40 {
            pipeline.submit {
                tally.begin()
                defer { tally.end() }
                usleep(useconds_t((k * 7919) % 5 * 300))  // finish out of order
                return k
            }
            while let value = pipeline.nextInOrder() { handed.append(value) }
        }
        handed += pipeline.drain()
        #expect(handed == Array(0..<40))
        #expect(tally.mostAtOnce <= width)
        #expect(tally.started == 40)
    }
}
