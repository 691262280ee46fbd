/// Distributions of the article signals of a `winnow run` output, to choose filter
/// thresholds (`winnow stats`).
///
/// Reads `articles/*.jsonl.gz` (and `filtered/*.jsonl.gz` with `includeFiltered`); the
/// records are Winnow's own, so the `signals` object is read by a small scanner, not a
/// general JSON parser.
public struct SignalStatistics: Sendable {
    /// Values of each numeric signal, by name, in ``ArticleSignals/named`` order.
    public private(set) var values: [(name: String, values: [Double])] =
        (ArticleSignals.names + ["lang_score"]).map { ($0, []) }
    public private(set) var languages: [String: Int] = [:]
    public private(set) var scripts: [String: Int] = [:]
    /// Articles read from `filtered/`, by the filter that dropped them.
    public private(set) var filteredBy: [String: Int] = [:]
    public private(set) var articles = 0

    public init() {}

    /// Reads the shards of the run in `directory`.
    public init(runDirectory directory: String, includeFiltered: Bool) throws {
        var kinds = ["articles"]
        if includeFiltered { kinds.append("filtered") }
        for kind in kinds {
            for path in FileSystem.files(under: directory + "/" + kind).sorted() where path.hasSuffix(".jsonl.gz") {
                var lines = LineReader(stream: try ByteStream(path: path), maxBytes: 1 << 30)
                while let item = try lines.next() {
                    guard case .line(let bytes, _, _) = item, !bytes.isEmpty else { continue }
                    add(record: Array(bytes), filtered: kind == "filtered")
                }
            }
        }
    }

    /// Adds one article record (a line of `articles/` or `filtered/`).
    mutating func add(record bytes: [UInt8], filtered: Bool) {
        articles += 1
        if let lang = Self.stringValue(bytes, key: "\"lang\":") { languages[lang, default: 0] += 1 }
        scripts[Self.stringValue(bytes, key: "\"script\":") ?? "none", default: 0] += 1
        if filtered, let name = Self.stringValue(bytes, key: "\"filter\":{\"name\":") {
            filteredBy[name, default: 0] += 1
        }
        let numbers = Self.numbers(bytes)
        for k in values.indices {
            if let v = numbers[values[k].name] { values[k].values.append(v) }
        }
    }

    /// A text report: counts by language and script, then each signal's percentiles and a
    /// histogram.
    public func report(width: Int = 40) -> String {
        var out = "\(articles) articles\n"
        out +=
            "languages: " + languages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        out +=
            "\nscripts: " + scripts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        if !filteredBy.isEmpty {
            out +=
                "\nfiltered by: "
                + filteredBy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        out += "\n"
        for (name, values) in self.values where !values.isEmpty {
            let sorted = values.sorted()
            func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(p * Double(sorted.count - 1)))] }
            out += "\n\(name): n \(sorted.count)  min \(Self.format(sorted[0]))  p1 \(Self.format(percentile(0.01)))"
            out += "  p5 \(Self.format(percentile(0.05)))  median \(Self.format(percentile(0.5)))"
            out += "  p95 \(Self.format(percentile(0.95)))  p99 \(Self.format(percentile(0.99)))"
            out += "  max \(Self.format(sorted[sorted.count - 1]))\n"
            out += Self.histogram(sorted, width: width)
        }
        return out
    }

    /// Ten bins from the minimum to the 99th percentile (the rest in the last bin).
    static func histogram(_ sorted: [Double], width: Int) -> String {
        let low = sorted[0]
        let high = sorted[min(sorted.count - 1, Int(0.99 * Double(sorted.count - 1)))]
        let bins = 10
        var counts = Array(repeating: 0, count: bins)
        let span = high - low
        for v in sorted {
            let k = span <= 0 ? 0 : min(bins - 1, Int((v - low) / span * Double(bins)))
            counts[k] += 1
        }
        let most = max(1, counts.max() ?? 1)
        var out = ""
        for k in 0..<bins where span > 0 || k == 0 {
            let from = low + span * Double(k) / Double(bins)
            let bar = String(repeating: "█", count: (counts[k] * width + most - 1) / most)
            let label = format(from)
            out +=
                "  " + String(repeating: " ", count: max(0, 9 - label.count)) + label + " │" + bar + " \(counts[k])\n"
        }
        return out
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) >= 10 { return String(Int(x)) }
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }

    /// The string after `key` (`"lang":"zh"` gives `zh`); `nil` for `null` or no key.
    static func stringValue(_ bytes: [UInt8], key: String) -> String? {
        let k = Array(key.utf8)
        guard let at = find(k, in: bytes), at + k.count < bytes.count, bytes[at + k.count] == UInt8(ascii: "\"")
        else { return nil }
        var end = at + k.count + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
        return String(decoding: bytes[(at + k.count + 1)..<end], as: UTF8.self)
    }

    /// The numbers of the `signals` object and `lang_score`, by name.
    static func numbers(_ bytes: [UInt8]) -> [String: Double] {
        var out: [String: Double] = [:]
        if let score = number(bytes, after: Array("\"lang_score\":".utf8)) { out["lang_score"] = score }
        let open = Array("\"signals\":{".utf8)
        guard let start = find(open, in: bytes) else { return out }
        var i = start + open.count
        while i < bytes.count, bytes[i] != UInt8(ascii: "}") {
            guard bytes[i] == UInt8(ascii: "\"") else { i += 1; continue }
            var j = i + 1
            while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            var k = j + 2  // past `":`
            let valueStart = k
            while k < bytes.count, bytes[k] != UInt8(ascii: ","), bytes[k] != UInt8(ascii: "}") { k += 1 }
            if let v = Double(String(decoding: bytes[valueStart..<min(k, bytes.count)], as: UTF8.self)) {
                out[name] = v
            }
            i = k
        }
        return out
    }

    private static func number(_ bytes: [UInt8], after key: [UInt8]) -> Double? {
        guard let at = find(key, in: bytes) else { return nil }
        var end = at + key.count
        while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "}") { end += 1 }
        return Double(String(decoding: bytes[(at + key.count)..<end], as: UTF8.self))
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
