internal import Glibc

/// Monotonic time in seconds, and the process's peak memory.
enum Clock {
    /// Peak resident set size of this program so far, in MB.
    ///
    /// Read from `VmHWM` in `/proc/self/status`, not from `getrusage`: Linux carries
    /// `ru_maxrss` across `exec`, so a run started by a large parent (a test runner, a
    /// Python driver) would report the parent's peak as its own. `VmHWM` belongs to this
    /// program's address space alone. Falls back to `getrusage` where `/proc` is absent.
    static var peakResidentMegabytes: Double {
        if let kilobytes = statusField("VmHWM:") { return Double(kilobytes) / 1024 }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The number in a `/proc/self/status` line such as `VmHWM:   123456 kB`.
    private static func statusField(_ name: String) -> Int? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix(name) else { continue }
            return Int(text.dropFirst(name.count).filter(\.isNumber))
        }
        return nil
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
