internal import Glibc

/// An output file written under a temporary name and committed by rename.
///
/// `commit()` flushes the file to disk, renames it into place and flushes the directory, so a
/// crash leaves either the whole shard or none of it (research/reliability.md: tmp → fsync →
/// rename → fsync dir). Temporary files end in `.tmp` and are removed when a run starts.
final class ShardFile {
    let path: String
    private let temporaryPath: String
    private var fd: Int32
    /// Bytes written so far.
    private(set) var size = 0

    init(path: String) throws {
        self.path = path
        temporaryPath = path + ".tmp"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError("\(temporaryPath): \(FileReason.describe(errno))") }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try FileSystem.writeAll(fd, bytes, path: temporaryPath)
        size += bytes.count
    }

    /// Makes the file durable and visible under its final name.
    func commit() throws {
        guard fsync(fd) == 0 else { throw InputError("\(temporaryPath): \(FileReason.describe(errno))") }
        close(fd)
        fd = -1
        guard rename(temporaryPath, path) == 0 else { throw InputError("\(path): \(FileReason.describe(errno))") }
        FileSystem.syncDirectory(of: path)
    }
}

/// The few file-system operations a run needs, on plain system calls.
enum FileSystem {
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): \(FileReason.describe(errno))")
            }
            offset += n
        }
    }

    /// Writes `bytes` to `path` atomically (temporary file, fsync, rename, fsync directory).
    static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws {
        let file = try ShardFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    static func syncDirectory(of path: String) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw InputError("\(prefix): \(FileReason.describe(errno))")
            }
        }
    }

    /// The whole file at `path`, or `nil` if it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return out
    }

    /// Size and modification time of `path`, or `nil`.
    static func status(_ path: String) -> (size: Int, mtime: Int, isDirectory: Bool)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (Int(st.st_size), Int(st.st_mtim.tv_sec), (st.st_mode & S_IFMT) == S_IFDIR)
    }

    /// The regular files under `path` (itself if it is a file), sorted by path.
    static func files(under path: String) -> [String] {
        guard let status = status(path) else { return [path] }
        guard status.isDirectory else { return [path] }
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            out += files(under: path + "/" + name)
        }
        return out.sorted()
    }

    /// Removes leftover `.tmp` files in `directory`.
    static func removeTemporaryFiles(in directory: String) {
        removeFiles(in: directory, suffix: ".tmp")
    }

    /// Removes the files in `directory` whose names end with `suffix`.
    static func removeFiles(in directory: String, suffix: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(suffix) { names.append(name) }
        }
        for name in names { unlink(directory + "/" + name) }
    }
}
