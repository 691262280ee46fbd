import Glibc

/// Reading inputs and writing standard output with plain system calls, so the tool needs no
/// Foundation and reports each failure as `winnow: PATH: reason`.
enum FileIO {
    /// A failure to read an input, already worded for the user.
    struct ReadError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// Reads the whole file at `path` (`-` for standard input).
    static func readAll(_ path: String) throws(ReadError) -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, reason: reason(errno)) }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw ReadError(path: path, reason: "is a directory; pass a page file")
        }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: reason(errno))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Creates `path` and its parents if missing.
    static func makeDirectory(_ path: String) throws(ReadError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { throw ReadError(path: path, reason: reason(errno)) }
        }
    }

    /// Writes `bytes` to a new file at `path`, replacing it.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(ReadError) {
        try writeAll(bytes, to: path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)
    }

    /// Opens `path` with `flags` and writes all of `bytes`.
    private static func writeAll(_ bytes: [UInt8], to path: String, flags: Int32) throws(ReadError) {
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw ReadError(path: path, reason: reason(errno)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: reason(errno))
            }
            offset += n
        }
    }

    /// Appends `bytes` to the file at `path`.
    static func appendFile(_ path: String, _ bytes: [UInt8]) throws(ReadError) {
        try writeAll(bytes, to: path, flags: O_WRONLY | O_APPEND | O_CLOEXEC)
    }

    /// Writes all of `bytes` to standard output.
    ///
    /// A closed pipe (`winnow clean x | head`) ends
    /// the program quietly with status 0, as other Unix tools do.
    static func writeStdout(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                printError("standard output: \(reason(errno))")
                exit(1)
            }
            offset += n
        }
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Prints `winnow: message` on standard error.
    static func printError(_ message: String) {
        let line = Array("winnow: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// Prints `text` and a newline on standard output or standard error.
    static func printLine(_ text: String, toStandardError: Bool = false) {
        printRaw(text + "\n", toStandardError: toStandardError)
    }

    static func printRaw(_ text: String, toStandardError: Bool) {
        let bytes = Array(text.utf8)
        if toStandardError {
            _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        } else {
            writeStdout(bytes)
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static var cpuCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Whether standard output is a terminal (for colour).
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory; pass a page file"
        default: return String(cString: strerror(code))
        }
    }
}
