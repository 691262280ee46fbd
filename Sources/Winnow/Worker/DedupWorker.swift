/// `winnow worker MODE` for the dedup passes on a cluster engine: each mode reads lines on
/// stdin and writes framed lines (``WorkerTag``), so that the engine moves and groups data
/// while every decision is made by the code `winnow dedup` runs (no second implementation).
///
/// | mode | in (one per line) | out |
/// |---|---|---|
/// | `template-keys` | article line | `K site article key…` (hex; articles with a site) |
/// | `signatures` | article line | `S id-key length metadata exact band-keys record id` |
/// | `verify` | `[x \t y \t] record-a \t record-b` | `V [x y] 0` or `V [x y] 1` (is b a copy of a; `x`, `y` echoed) |
/// | `dups` | `record \t survivor-record \t id \t survivor-id` | `D {dup record}` |
/// | `filter` | surviving article line | `A line` (templates cut), and `T {template record}` |
///
/// Records are ``ArticleSignature`` in hex; ids are JSON strings; `exact` is 32 hex digits,
/// `band-keys` ``DedupConfiguration/bands`` hex keys joined by commas. `signatures` and
/// `filter` read the site template keys found by the engine (`--templates FILE`, one hex key
/// per line). Every mode ends with `END {"lines": N}`.
public enum DedupWorker {
    public enum Mode: String, Sendable, CaseIterable {
        case templateKeys = "template-keys"
        case signatures, verify, dups, filter
    }

    public struct Settings: Sendable {
        public var dedup: DedupConfiguration
        /// Template keys, hex, one per line (the `--templates` file).
        public var templateKeys: [UInt64] = []

        public init(dedup: DedupConfiguration) {
            self.dedup = dedup
        }

        /// Parses a templates file: one hex key per line; blank lines are ignored.
        public static func parseTemplateKeys(_ text: String) throws -> [UInt64] {
            try text.split(whereSeparator: \.isNewline).enumerated().compactMap { k, line in
                let trimmed = line.filter { !$0.isWhitespace }
                guard !trimmed.isEmpty else { return nil }
                guard let key = UInt64(trimmed, radix: 16) else {
                    throw InputError("templates line \(k + 1): '\(trimmed.prefix(40))' is not a hex key")
                }
                return key
            }
        }
    }

    /// Runs `mode` over the lines of `path` (`-`: standard input).
    ///
    /// - Throws: For an unreadable stream or a malformed line (with its line number): the
    ///   engine must retry or fail the task, never lose the line.
    public static func run(
        mode: Mode, settings: Settings, path: String = "-", sink: ([UInt8]) throws -> Void
    ) throws {
        let templates = TemplateLines(keys: Set(settings.templateKeys))
        var lines = LineReader(stream: try ByteStream(path: path), maxBytes: 1 << 30)
        var out: [UInt8] = []
        var count = 0
        var scratch = Deduplicator.SignatureScratch()
        var scalars: [UInt32] = []
        let templateParser = JSONRecordParser(fields: [Array("text".utf8), Array("site".utf8)])
        let articleParser = JSONRecordParser(fields: Deduplicator.fields)
        while let item = try lines.next() {
            guard case .line(let bytes, let number, _) = item, !bytes.isEmpty else { continue }
            count += 1
            do {
                switch mode {
                case .templateKeys:
                    guard let found = try TemplateLines.keys(of: bytes, parser: templateParser, scratch: &scalars)
                    else { continue }
                    let fields = [found.site, found.article] + found.keys
                    WorkerTag.templateKeys.append(fields.map(StableHash.hex).joined(separator: " ").utf8, to: &out)
                case .signatures:
                    guard
                        let signature = try Deduplicator.signature(of: bytes, templates: templates, scratch: &scratch),
                        let id = Deduplicator.id(bytes)
                    else { throw InputError("article without text or id") }
                    appendSignature(signature, id: id, configuration: settings.dedup, to: &out)
                case .verify:
                    let (echo, a, b) = try pair(bytes)
                    let copy = b.isCopy(
                        of: a, threshold: settings.dedup.threshold, containment: settings.dedup.containment)
                    WorkerTag.verdict.append(echo + (copy ? [0x31] : [0x30]), to: &out)
                case .dups:
                    let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false)
                    guard fields.count == 4 else { throw InputError("expected 4 tab-separated fields") }
                    let doc = try record(fields[0])
                    let survivor = try record(fields[1])
                    let ids = try idStrings(fields[2], fields[3])
                    var w = JSONWriter()
                    Deduplicator.writeDuplicate(
                        id: ids.0, dupOf: ids.1, similarity: Float(doc.similarity(to: survivor)), to: &w)
                    WorkerTag.duplicate.appendLines(w.bytes, to: &out)
                case .filter:
                    let (line, removed) = try Deduplicator.survivorLine(
                        bytes, templates: templates, parser: articleParser)
                    WorkerTag.article.append(line, to: &out)
                    if let removed {
                        var w = JSONWriter()
                        Deduplicator.writeTemplateRecord(id: Deduplicator.id(bytes), removed: removed, to: &w)
                        WorkerTag.template.appendLines(w.bytes, to: &out)
                    }
                }
            } catch {
                throw InputError("standard input line \(number): \(error); the engine sent a malformed line")
            }
            if out.count >= 1 << 20 {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        WorkerTag.end.append("{\"lines\":\(count)}".utf8, to: &out)
        try sink(out)
    }

    /// The settings an engine needs to group and judge as `winnow dedup` does, as JSON.
    public static func settingsJSON(_ d: DedupConfiguration) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        d.write(to: &w, version: true)
        w.newline()
        return w.bytes
    }

    static func appendSignature(
        _ s: ArticleSignature, id: String, configuration: DedupConfiguration, to out: inout [UInt8]
    ) {
        var record: [UInt8] = []
        record.reserveCapacity(ArticleSignature.size)
        s.encode(into: &record)
        let bands = (0..<configuration.bands).map { band in
            StableHash.hex(ArticleSignature.bandKey(band: band, rows: configuration.rows) { s.minhash[$0] })
        }
        var idJSON = JSONWriter()
        idJSON.value(id)
        let fields: [String] = [
            StableHash.hex(s.idKey), String(s.length), String(s.metadata),
            StableHash.hex(s.exact[0]) + StableHash.hex(s.exact[1]), bands.joined(separator: ","), hex(record),
            String(decoding: idJSON.bytes, as: UTF8.self),
        ]
        WorkerTag.signature.append(fields.joined(separator: "\t").utf8, to: &out)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func record(_ hex: ArraySlice<UInt8>) throws -> ArticleSignature {
        guard hex.count == 2 * ArticleSignature.size else {
            throw InputError("a signature record has \(2 * ArticleSignature.size) hex digits, not \(hex.count)")
        }
        var bytes = [UInt8](repeating: 0, count: ArticleSignature.size)
        var k = 0
        var i = hex.startIndex
        while i < hex.endIndex {
            guard let high = nibble(hex[i]), let low = nibble(hex[i + 1]) else {
                throw InputError("a signature record holds a character that is not a hex digit")
            }
            bytes[k] = high << 4 | low
            k += 1
            i += 2
        }
        return bytes.withUnsafeBytes { ArticleSignature(decoding: $0) }
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }

    /// Two records, after two optional fields a cluster engine wants echoed (the pair's keys,
    /// so that its answer needs no zip with the question), returned with their tabs.
    private static func pair(_ bytes: ArraySlice<UInt8>) throws -> ([UInt8], ArticleSignature, ArticleSignature) {
        let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 4 else {
            throw InputError("expected 2 tab-separated records, or 2 fields and 2 records")
        }
        let echo = fields.count == 4 ? Array(fields[0]) + [0x09] + Array(fields[1]) + [0x09] : []
        return (echo, try record(fields[fields.count - 2]), try record(fields[fields.count - 1]))
    }

    private static let idPairParser = JSONRecordParser(fields: [Array("a".utf8), Array("b".utf8)])

    /// Two JSON strings, decoded.
    private static func idStrings(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) throws -> (String, String) {
        let object = Array("{\"a\":".utf8) + a + Array(",\"b\":".utf8) + b + [UInt8(ascii: "}")]
        let parser = idPairParser
        let values = try object.withUnsafeBufferPointer { try parser.parse($0) }
        guard case .string(let x)? = values[0], case .string(let y)? = values[1] else {
            throw InputError("ids must be JSON strings")
        }
        return (String(decoding: x, as: UTF8.self), String(decoding: y, as: UTF8.self))
    }
}
