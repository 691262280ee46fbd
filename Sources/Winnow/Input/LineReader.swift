/// Reads newline-terminated records from a ``ByteStream`` with bounded memory.
///
/// A line longer than `maxBytes` is not loaded: it is streamed past and reported as
/// ``Item/tooLong(line:offset:length:)`` (a 200 MB line costs one buffer, not 200 MB).
/// Offsets are of the uncompressed stream; lines count from 1.
struct LineReader {
    enum Item {
        /// A line without its `\n` (and without a `\r` before it).
        case line(bytes: ArraySlice<UInt8>, line: Int, offset: Int)
        case tooLong(line: Int, offset: Int, length: Int)
    }

    private let stream: ByteStream
    let maxBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private var lineNumber = 0
    private var bufferOffset = 0  // stream offset of buffer[0]

    init(stream: ByteStream, maxBytes: Int) {
        self.stream = stream
        self.maxBytes = maxBytes
        buffer = [UInt8](repeating: 0, count: max(1 << 16, min(maxBytes + 1, 1 << 24)))
    }

    /// The next line, or `nil` at the end of the stream.
    mutating func next() throws -> Item? {
        while true {
            if let newline = findNewline() {
                if newline - start > maxBytes {
                    lineNumber += 1
                    let item = Item.tooLong(line: lineNumber, offset: bufferOffset + start, length: newline - start)
                    start = newline + 1
                    return item
                }
                lineNumber += 1
                var lineEnd = newline
                if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let item = Item.line(bytes: buffer[start..<lineEnd], line: lineNumber, offset: bufferOffset + start)
                start = newline + 1
                return item
            }
            if eof {
                guard start < end else { return nil }
                if end - start > maxBytes {
                    lineNumber += 1
                    let item = Item.tooLong(line: lineNumber, offset: bufferOffset + start, length: end - start)
                    start = end
                    return item
                }
                lineNumber += 1
                let item = Item.line(bytes: buffer[start..<end], line: lineNumber, offset: bufferOffset + start)
                start = end
                return item
            }
            if end - start > maxBytes { return try skipLongLine() }
            try refill()
        }
    }

    private func findNewline() -> Int? {
        buffer.withUnsafeBufferPointer { p in
            let i = ByteScan.firstIndex(p, from: start, to: end, anyOf: 0x0A, 0x0A, 0x0A, 0x0A)
            return i < end ? i : nil
        }
    }

    /// Moves unread bytes to the front and reads more.
    private mutating func refill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { p in
                guard let base = p.baseAddress else { return }
                base.update(from: base + start, count: end - start)
            }
            bufferOffset += start
            end -= start
            start = 0
        }
        if end == buffer.count { grow(to: min(2 * buffer.count, max(maxBytes + 1, buffer.count + 1))) }
        let n = try buffer.withUnsafeMutableBytes { (raw) throws -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return try stream.read(into: base + end, count: raw.count - end)
        }
        if n == 0 { eof = true }
        end += n
    }

    /// Replaces the buffer by one of `count` bytes holding the unread bytes at the front.
    ///
    /// Growth stops at `maxBytes + 1` (enough to see that a line is too long), and the old
    /// buffer is the only other allocation alive while copying: appending a temporary array
    /// instead held three buffers at once, and doubling past the cap held a line twice the
    /// size any record may have.
    private mutating func grow(to count: Int) {
        let live = end - start
        let bigger = [UInt8](unsafeUninitializedCapacity: count) { p, initialized in
            guard let to = p.baseAddress else { return }
            buffer.withUnsafeBufferPointer { old in
                if let from = old.baseAddress { to.initialize(from: from + start, count: live) }
            }
            (to + live).initialize(repeating: 0, count: count - live)
            initialized = count
        }
        bufferOffset += start
        start = 0
        end = live
        buffer = bigger
    }

    /// Streams past the rest of a line that is already too long.
    private mutating func skipLongLine() throws -> Item {
        lineNumber += 1
        let lineOffset = bufferOffset + start
        var length = end - start
        start = end
        while true {
            bufferOffset += end
            start = 0
            end = 0
            let n = try buffer.withUnsafeMutableBytes { (raw) throws -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return try stream.read(into: base, count: raw.count)
            }
            if n == 0 {
                eof = true
                return .tooLong(line: lineNumber, offset: lineOffset, length: length)
            }
            end = n
            if let newline = findNewline() {
                length += newline
                start = newline + 1
                return .tooLong(line: lineNumber, offset: lineOffset, length: length)
            }
            length += n
        }
    }

    /// The next `count` bytes (a WARC body), or `nil` when `count` exceeds ``maxBytes``: the
    /// bytes are then streamed past.
    ///
    /// Throws when the stream ends first.
    mutating func readBytes(count: Int) throws -> ArraySlice<UInt8>? {
        if count > maxBytes {
            var remaining = count
            while remaining > 0 {
                if start == end {
                    try refill()
                    if eof, start == end {
                        throw InputError(
                            "record cut short: \(remaining) of its bytes are missing", offset: bufferOffset + end)
                    }
                }
                let n = min(remaining, end - start)
                start += n
                remaining -= n
            }
            return nil
        }
        while end - start < count {
            if eof {
                throw InputError(
                    "record cut short: \(count - (end - start)) of its bytes are missing", offset: bufferOffset + end)
            }
            // Room for the whole record once compacted; refill moves the unread bytes to the front.
            if buffer.count < count + 1 { grow(to: count + 1) }
            try refill()
        }
        let bytes = buffer[start..<(start + count)]
        start += count
        return bytes
    }

    /// The stream offset of the next unread byte.
    var offset: Int { bufferOffset + start }

    /// All remaining bytes, or `nil` (after streaming past them) when they exceed ``maxBytes``.
    mutating func readRest() throws -> ArraySlice<UInt8>? {
        while !eof {
            if end - start > maxBytes {
                _ = try readBytes(count: Int.max / 2 > maxBytes ? maxBytes + 1 : maxBytes)
                while true {
                    try refillDiscarding()
                    if eof { return nil }
                }
            }
            if buffer.count - end < 1 << 16 {
                grow(to: min(2 * buffer.count, max(maxBytes + 1, buffer.count + 1 << 16)))
            }
            try refill()
        }
        let bytes = buffer[start..<end]
        start = end
        return bytes
    }

    /// Reads and drops a buffer's worth of bytes.
    private mutating func refillDiscarding() throws {
        bufferOffset += end
        start = 0
        end = 0
        try refill()
        start = end
    }
}
