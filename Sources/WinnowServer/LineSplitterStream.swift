/// Splits a byte stream that arrives in chunks into lines, holding at most one line of up to
/// `maxLineBytes` in memory; a longer line is counted and dropped as it streams past.
struct LineSplitterStream {
    enum Line: Equatable {
        case bytes([UInt8])
        /// A line over the limit: how many bytes it had when it was given up.
        case tooLong(Int)
    }

    let maxLineBytes: Int
    private var pending: [UInt8] = []
    /// Bytes of the current over-long line seen so far, or `nil` when not skipping.
    private var skipped: Int?

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// The lines that `chunk` completes (empty lines are skipped).
    mutating func feed(_ chunk: [UInt8]) -> [Line] {
        var out: [Line] = []
        var start = 0
        while start < chunk.count {
            guard let newline = chunk[start...].firstIndex(of: 0x0A) else {
                append(chunk[start...])
                break
            }
            append(chunk[start..<newline])
            if let line = take() { out.append(line) }
            start = newline + 1
        }
        return out
    }

    /// The last line, if the stream did not end with a newline.
    mutating func finish() -> Line? { take() }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        if let n = skipped {
            skipped = n + bytes.count
        } else if pending.count + bytes.count > maxLineBytes {
            skipped = pending.count + bytes.count
            pending = []
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func take() -> Line? {
        defer {
            pending = []
            skipped = nil
        }
        if let n = skipped { return .tooLong(n) }
        if pending.last == 0x0D { pending.removeLast() }
        return pending.isEmpty ? nil : .bytes(pending)
    }
}
