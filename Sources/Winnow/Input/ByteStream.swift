internal import CIsal
internal import Glibc

/// The bytes of one input file, gunzipped on the fly when the file is gzip.
///
/// Gzip input is inflated by ISA-L and read as a series of members (RFC 1952 §2.2), as WET files are written: one
/// member per record. Every member is inflated; a member cut short or corrupt is an
/// ``InputError`` after the bytes before it (research/reliability.md §0.1: a decoder that
/// stops after the first member, or at a truncation without an error, loses data silently).
final class ByteStream {
    private let fd: Int32
    private let ownsDescriptor: Bool
    static let rawCapacity = 1 << 18
    private let raw = UnsafeMutablePointer<UInt8>.allocate(capacity: ByteStream.rawCapacity)
    private var rawStart = 0
    private var rawEnd = 0
    private var rawEOF = false
    /// The gzip decoder (ISA-L, about twice zlib's speed here, research/perf.md).
    private let decoder = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)
    private(set) var isGzip = false
    private var inMember = false
    private var decoderReady = false
    /// Compressed (file) bytes consumed so far, for progress.
    private(set) var fileBytesRead = 0
    /// Uncompressed bytes delivered so far.
    private(set) var offset = 0
    /// Something odd but harmless seen while reading (trailing bytes after the last member).
    private(set) var warning: String?
    /// The most bytes one `read(2)` asks for.
    ///
    /// Tests set it to a few bytes to split characters, lines, records and gzip members across reads, as pipes and network file
    /// systems do (reliability row U5).
    private let readLimit: Int

    /// Opens `path` (`-` for standard input) and detects gzip by its magic bytes.
    init(path: String, readLimit: Int = ByteStream.rawCapacity) throws {
        self.readLimit = max(1, min(readLimit, Self.rawCapacity))
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError(FileReason.describe(errno)) }
            ownsDescriptor = true
        }
        // The magic needs two bytes; a pipe may deliver one at a time.
        while rawEnd - rawStart < 2, !rawEOF { try fillRaw() }
        isGzip = rawEnd - rawStart >= 2 && raw[rawStart] == 0x1F && raw[rawStart + 1] == 0x8B
    }

    deinit {
        decoder.deallocate()
        if ownsDescriptor { close(fd) }
        raw.deallocate()
    }

    /// Reads up to `count` bytes into `buffer`; returns 0 at the end of the stream.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        if !pending.isEmpty {
            let n = min(count, pending.count)
            pending.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress.unsafelyUnwrapped, byteCount: n) }
            pending.removeFirst(n)
            offset += n
            return n
        }
        return isGzip ? try inflate(into: buffer, count: count) : try copyRaw(into: buffer, count: count)
    }

    /// The first bytes of the (uncompressed) stream, without consuming them: for format
    /// detection by content.
    func peek(_ count: Int) throws -> [UInt8] {
        var head = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try head.withUnsafeMutableBytes { raw in
                try
                    (isGzip
                    ? inflate(into: raw.baseAddress.unsafelyUnwrapped + filled, count: count - filled)
                    : copyRaw(into: raw.baseAddress.unsafelyUnwrapped + filled, count: count - filled))
            }
            if n == 0 { break }
            filled += n
        }
        head.removeLast(count - filled)
        pending = head + pending
        offset -= filled
        return head
    }

    private var pending: [UInt8] = []

    private func copyRaw(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        if rawStart == rawEnd {
            if rawEOF { return 0 }
            try fillRaw()
            if rawStart == rawEnd { return 0 }
        }
        let n = min(count, rawEnd - rawStart)
        buffer.copyMemory(from: raw + rawStart, byteCount: n)
        rawStart += n
        offset += n
        return n
    }

    private func inflate(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            if !inMember {
                // Between members: skip to the next one, or end cleanly.
                if rawStart == rawEnd, !rawEOF { try fillRaw() }
                if rawStart == rawEnd { return 0 }
                if rawEnd - rawStart < 2, !rawEOF { try fillRaw() }
                // Bytes after a member that do not start another member: a few (padding, a
                // stray newline; reliability row G3) are a warning, the records being complete;
                // more could be members whose header was damaged, so they are an error.
                if !(rawEnd - rawStart >= 2 && raw[rawStart] == 0x1F && raw[rawStart + 1] == 0x8B) {
                    let position = fileBytesRead - (rawEnd - rawStart)
                    var st = stat()
                    let size = fstat(fd, &st) == 0 ? Int(st.st_size) : position
                    guard size - position <= 1024 else {
                        throw InputError(
                            "\(size - position) bytes after compressed offset \(position) are not gzip; records before them were kept",
                            offset: offset)
                    }
                    warning = "ignored \(size - position) bytes after the last gzip member"
                    rawStart = rawEnd
                    rawEOF = true
                    return 0
                }
                // One decoder for the whole file, reset between members: WET files have one
                // member per record, and a fresh decoder each time costs more than the record.
                if decoderReady {
                    isal_inflate_reset(decoder)
                } else {
                    isal_inflate_init(decoder)
                    decoderReady = true
                }
                decoder.pointee.crc_flag = UInt32(ISAL_GZIP)
                inMember = true
            }
            if rawStart == rawEnd, !rawEOF { try fillRaw() }
            let available = rawEnd - rawStart
            decoder.pointee.next_in = raw + rawStart
            decoder.pointee.avail_in = UInt32(available)
            decoder.pointee.next_out = buffer.assumingMemoryBound(to: UInt8.self)
            decoder.pointee.avail_out = UInt32(min(count, Int(UInt32.max)))
            let status = isal_inflate(decoder)
            let produced = count - Int(decoder.pointee.avail_out)
            let consumed = available - Int(decoder.pointee.avail_in)
            rawStart += consumed
            offset += produced
            guard status >= 0 else {
                throw InputError(
                    "corrupt gzip data (ISA-L status \(status)); records before it were kept", offset: offset)
            }
            if decoder.pointee.block_state == ISAL_BLOCK_FINISH {
                inMember = false
                if produced > 0 { return produced }
                continue
            }
            if produced > 0 { return produced }
            if consumed == 0, rawStart == rawEnd, rawEOF {
                throw InputError("gzip member cut short (truncated file); records before it were kept", offset: offset)
            }
        }
    }

    /// Reads more file bytes after the unread ones, first moving those to the front when
    /// the buffer's end is reached (a member header split there must not read as the end).
    private func fillRaw() throws {
        if rawStart > 0, rawStart == rawEnd || rawEnd == Self.rawCapacity {
            raw.update(from: raw + rawStart, count: rawEnd - rawStart)
            rawEnd -= rawStart
            rawStart = 0
        }
        while true {
            let n = Glibc.read(fd, raw + rawEnd, min(readLimit, Self.rawCapacity - rawEnd))
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(FileReason.describe(errno), offset: offset)
            }
            if n == 0 { rawEOF = true }
            rawEnd += n
            fileBytesRead += n
            return
        }
    }
}

/// Short, user-facing reasons for system errors.
enum FileReason {
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOSPC: return "no space left on device"
        default: return String(cString: strerror(code))
        }
    }
}
