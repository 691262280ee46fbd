internal import Glibc

/// Monotonic time in seconds, and the process's peak memory.
enum Clock {
    /// Peak resident set size of this process so far, in MB (getrusage).
    static var peakResidentMegabytes: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
