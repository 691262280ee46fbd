/// Reads the records of one input file, whatever its format.
///
/// The format is decided from the first bytes after decompression: `WARC/` is WET, `{` (after
/// whitespace or a byte order mark) is JSON Lines, anything else is a single text page.
struct RecordReader {
    struct Options: Sendable {
        var textField = "text"
        var idField = "id"
        var maxRecordBytes = 64 << 20
    }

    let format: InputFormat
    let stream: ByteStream
    private var lines: LineReader
    /// The parser for this run's JSON fields (used by the workers, see ``InputItem/jsonLine``).
    let parser: JSONRecordParser
    private var wetRecords = 0
    private var textDone = false

    /// `readLimit` caps each read of the file (tests: chunk-split invariance).
    init(path: String, options: Options, readLimit: Int = ByteStream.rawCapacity) throws {
        stream = try ByteStream(path: path, readLimit: readLimit)
        let head = try stream.peek(16)
        format = Self.detect(head, path: path)
        lines = LineReader(stream: stream, maxBytes: options.maxRecordBytes)
        parser = JSONRecordParser(fields: [options.textField, options.idField, "url", "date"].map { Array($0.utf8) })
    }

    static let warcMagic = Array("WARC/".utf8)

    static let wantedHeaders: [[UInt8]] = [
        "content-length", "warc-type", "warc-record-id", "warc-target-uri", "warc-date",
    ]
    .map { Array($0.utf8) }

    static func equalsIgnoringCase(_ a: ArraySlice<UInt8>, _ lower: [UInt8]) -> Bool {
        guard a.count == lower.count else { return false }
        for (x, y) in zip(a, lower) where (x >= 0x41 && x <= 0x5A ? x + 0x20 : x) != y { return false }
        return true
    }

    /// Content first; the name decides only when the content does not (a JSONL file whose
    /// first line is broken, standard input).
    static func detect(_ head: [UInt8], path: String) -> InputFormat {
        if head.starts(with: Array("WARC/".utf8)) { return .wet }
        var k = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while k < head.count, head[k] == 0x20 || head[k] == 0x0A || head[k] == 0x0D || head[k] == 0x09 { k += 1 }
        if k < head.count, head[k] == UInt8(ascii: "{") { return .jsonl }
        let name = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path
        if path == "-" || name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") || name.hasSuffix(".json") {
            return .jsonl
        }
        if name.hasSuffix(".wet") || name.hasSuffix(".warc") { return .wet }
        return .text
    }

    /// The next record or reject; `nil` at the end of the file.
    mutating func next() throws -> InputItem? {
        switch format {
        case .jsonl: return try nextJSONL()
        case .wet: return try nextWET()
        case .text: return try nextText()
        }
    }

    private mutating func nextJSONL() throws -> InputItem? {
        while let item = try lines.next() {
            switch item {
            case .tooLong(let line, let offset, let length):
                return .reject(
                    InputReject(reason: "too_long", line: line, offset: offset, sample: Array("\(length) bytes".utf8)))
            case .line(let bytes, let line, let offset):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank lines are not records
                return .jsonLine(bytes: Array(bytes), line: line, offset: offset)
            }
        }
        return nil
    }

    static func jsonItem(_ p: UnsafeBufferPointer<UInt8>, parser: JSONRecordParser, line: Int, offset: Int) -> InputItem
    {
        func reject(_ reason: String) -> InputItem {
            .reject(InputReject(reason: reason, line: line, offset: offset, sample: Array(p.prefix(256))))
        }
        let values: [JSONRecordParser.Value?]
        do {
            values = try parser.parse(p)
        } catch {
            return reject(error.rawValue)
        }
        guard let textValue = values[0] else { return reject("missing_text_field") }
        guard case .string(let text) = textValue else { return reject("text_not_string") }
        var id: String?
        switch values[1] {
        case .string(let s)?: id = String(decoding: s, as: UTF8.self)
        case .scalar(let s)?: id = String(decoding: s, as: UTF8.self)
        default: id = nil
        }
        func string(_ v: JSONRecordParser.Value??) -> String? {
            if case .string(let s)?? = v { return String(decoding: s, as: UTF8.self) }
            return nil
        }
        return .record(
            InputRecord(id: id, text: text, url: string(values[2]), date: string(values[3]), line: line, offset: offset)
        )
    }

    private mutating func nextText() throws -> InputItem? {
        guard !textDone else { return nil }
        textDone = true
        guard let text = try lines.readRest() else {
            return .reject(
                InputReject(reason: "too_long", line: 1, offset: 0, sample: Array("over \(lines.maxBytes) bytes".utf8)))
        }
        if text.isEmpty { return nil }  // an empty file holds no page
        return .record(InputRecord(id: nil, text: Array(text), url: nil, date: nil, line: 1, offset: 0))
    }

    /// Reads WARC records until the next `conversion` record (a page) or a reject.
    private mutating func nextWET() throws -> InputItem? {
        while true {
            // The line is inspected and copied, never held: a slice kept alive across the next
            // read would make the reader copy its whole buffer (copy on write).
            let (isEnd, isVersionLine, first, offset) = try { () throws -> (Bool, Bool, [UInt8], Int) in
                guard let item = try lines.next() else { return (true, false, [], 0) }
                guard case .line(let bytes, _, let offset) = item else { return (false, false, [], lines.offset) }
                return (false, bytes.starts(with: Self.warcMagic), Array(bytes.prefix(64)), offset)
            }()
            if isEnd { return nil }
            // Not at a record boundary (blank separator lines, garbage): go on to the next
            // `WARC/` line.
            guard isVersionLine else { continue }
            // Only the five headers Winnow uses are kept; names compare without case, bytewise.
            var headers: [String?] = [nil, nil, nil, nil, nil]
            while let headerItem = try lines.next(), case .line(let bytes, _, _) = headerItem, !bytes.isEmpty {
                guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { continue }
                let name = bytes[bytes.startIndex..<colon]
                guard let k = Self.wantedHeaders.firstIndex(where: { Self.equalsIgnoringCase(name, $0) }) else {
                    continue
                }
                headers[k] = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingSpaces
            }
            wetRecords += 1
            func header(_ name: String) -> String? {
                Self.wantedHeaders.firstIndex(of: Array(name.utf8)).flatMap { headers[$0] }
            }
            guard let lengthText = header("content-length"), let length = Int(lengthText), length >= 0 else {
                return .reject(
                    InputReject(
                        reason: "warc_no_content_length", line: wetRecords, offset: offset,
                        sample: Array(first.prefix(256))))
            }
            let body = try lines.readBytes(count: length)
            guard header("warc-type") == "conversion" else { continue }  // warcinfo and the like: not pages
            guard let body else {
                return .reject(
                    InputReject(
                        reason: "too_long", line: wetRecords, offset: offset, sample: Array("\(length) bytes".utf8)))
            }
            return .record(
                InputRecord(
                    id: header("warc-record-id"), text: Array(body), url: header("warc-target-uri"),
                    date: header("warc-date"),
                    line: wetRecords, offset: offset))
        }
    }
}
