internal import Glibc
import Synchronization

/// A request to stop a run cleanly, set from a signal handler (SIGINT, SIGTERM).
///
/// The run checks it between batches, stops without committing the input it was on, and
/// reports ``Stopped``; the same command resumes (research/reliability.md P2).
public enum StopRequest {
    /// Thrown by a run that stopped on request.
    public struct Stopped: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "stopped on request; run the same command again to finish" }
    }

    private static let flag = Atomic<Bool>(false)

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Requests a stop (async-signal-safe: one atomic store).
    public static func request() { flag.store(true, ordering: .relaxed) }

    private static let stopSignal = Atomic<Int32>(0)

    /// The signal that asked for the stop, for the exit status (128 + signal).
    public static var signal: Int32 { stopSignal.load(ordering: .relaxed) }

    /// Installs handlers for SIGINT and SIGTERM that request a stop.
    public static func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM] {
            Glibc.signal(sig) { received in
                StopRequest.stopSignal.store(received, ordering: .relaxed)
                StopRequest.request()
            }
        }
    }
}
