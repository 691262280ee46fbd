internal import Glibc

/// `winnow dedup OUTDIR`: one copy of each article, in three passes over files.
///
/// 1. **Signatures** (parallel per shard): each article of `articles/part-N.jsonl.gz` gets its
///    match view (``MatchView``), a 128-bit exact hash and a MinHash signature
///    (``MinHasher``), written to `dedup/signatures/part-N.sig` (fixed-size
///    ``ArticleSignature`` records).
/// 2. **Clusters** (`Deduplicator+Clusters.swift`): connected components of exact-hash
///    edges and verified band edges (each LSH bucket's members against its centre, the
///    member with the smallest id key; similarity ≥ ``DedupConfiguration/threshold`` or
///    containment, and numbers that agree: templated reports differ in their numbers,
///    copies do not). The grouping by band is a plain sort here, the step a cluster engine
///    does as a shuffle; nothing depends on input order, so it finds the same clusters.
/// 0. **Templates** (parallel per shard): short paragraphs a site repeats on many of its
///    pages are found (``TemplateLines``); they are left out of signatures.
/// 3. **Filter** (parallel per shard): the survivor of each cluster is written to
///    `dedup/articles/part-N.jsonl.gz` byte for byte (but for template paragraphs cut from
///    its `text`, recorded in `dedup/templates/`); every other article to
///    `dedup/dups/part-N.jsonl.gz` as `{"id","dup_of","similarity","kind"}`.
///
/// **Which copy survives:** the longest match view, then the most metadata (title, outlet,
/// author, editor, via), then the smallest id key (a hash of the id). Deterministic, and
/// independent of `-j` and of the order of the input. `dedup/manifest.json` counts articles, kept, duplicates (exact,
/// near), clusters and their sizes: `articles == kept + duplicates`.
public final class Deduplicator: Sendable {
    public let configuration: DedupConfiguration

    public struct Summary: Sendable {
        public var articles = 0
        public var kept = 0
        public var exactDuplicates = 0
        public var nearDuplicates = 0
        public var clusters = 0
        public var largestCluster = 0
        public var seconds: [String: Double] = [:]
        /// Bytes of in-memory state per article during pass 2.
        public var bytesPerArticle = 0
        /// Template lines found (site and paragraph pairs), and paragraphs removed as such
        /// from surviving articles.
        public var templateKeys = 0
        public var templateParagraphsRemoved = 0

        /// The clusters pass's counts as `name value` lines, for the filter pass.
        var clusterText: String {
            "articles \(articles)\nkept \(kept)\nexact \(exactDuplicates)\nnear \(nearDuplicates)\n"
                + "clusters \(clusters)\nlargest \(largestCluster)\nbytes \(bytesPerArticle)\n"
                + "seconds \(Int((seconds["clusters"] ?? 0) * 1000))\n"
        }

        mutating func readClusterText(_ text: String) {
            for (name, v) in NameValueLines.parse(text) ?? [] {
                switch name {
                case "articles": articles = v
                case "kept": kept = v
                case "exact": exactDuplicates = v
                case "near": nearDuplicates = v
                case "clusters": clusters = v
                case "largest": largestCluster = v
                case "bytes": bytesPerArticle = v
                case "seconds": seconds["clusters"] = seconds["clusters"] ?? Double(v) / 1000
                default: break
                }
            }
        }
    }

    public init(configuration: DedupConfiguration) {
        self.configuration = configuration
    }

    private var dir: String { configuration.runDirectory + "/dedup" }

    /// The passes, each a command over files (`winnow dedup --pass NAME`): a cluster engine can
    /// run ``clusters`` (a sort by band key) while the others run per shard.
    public enum Pass: String, Sendable, CaseIterable {
        /// Templates and signatures: `dedup/templates.bin`, `dedup/signatures/part-N.sig`.
        case signatures
        /// Clusters and survivors: `dedup/clusters.bin` (per article: survivor UInt32,
        /// similarity Float32) and `dedup/clusters.txt` (counts).
        case clusters
        /// Survivors, duplicates, templates and `dedup/manifest.json`.
        case filter
    }

    /// Runs `passes` in order (all three by default); each reads what the previous wrote.
    public func run(passes: [Pass] = Pass.allCases) throws -> Summary {
        var summary = Summary()
        let parts = FileSystem.files(under: configuration.runDirectory + "/articles")
            .filter { $0.hasSuffix(".jsonl.gz") }.sorted()
        for sub in ["signatures", "articles", "dups", "templates"] {
            try FileSystem.makeDirectories(dir + "/" + sub)
            FileSystem.removeTemporaryFiles(in: dir + "/" + sub)
        }
        if passes.contains(.signatures) {
            var start = Clock.now()
            let templates = try templatePass(parts)
            try FileSystem.writeAtomically(dir + "/templates.bin", templates.keys.sorted().flatMap(Self.bytes))
            summary.seconds["templates"] = Clock.now() - start
            start = Clock.now()
            _ = try signaturePass(parts, templates: templates)
            summary.seconds["signatures"] = Clock.now() - start
        }
        let counts = try parts.map { part -> Int in
            guard let status = FileSystem.status(signaturePath(part)) else {
                throw InputError("\(signaturePath(part)): missing; run the signatures pass first")
            }
            return status.size / ArticleSignature.size
        }
        if passes.contains(.clusters) {
            let start = Clock.now()
            let (survivor, similarity) = try clusterPass(parts, counts: counts, summary: &summary)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(survivor.count * 8)
            for (s, sim) in zip(survivor, similarity) { bytes += Self.bytes(s) + Self.bytes(sim.bitPattern) }
            try FileSystem.writeAtomically(dir + "/clusters.bin", bytes)
            summary.seconds["clusters"] = Clock.now() - start
            try FileSystem.writeAtomically(dir + "/clusters.txt", Array(summary.clusterText.utf8))
        }
        if passes.contains(.filter) {
            let start = Clock.now()
            guard let clusterBytes = FileSystem.read(dir + "/clusters.bin"),
                let clusterText = FileSystem.read(dir + "/clusters.txt"),
                let templateBytes = FileSystem.read(dir + "/templates.bin")
            else { throw InputError("\(dir): clusters or templates missing; run the earlier passes first") }
            summary.readClusterText(String(decoding: clusterText, as: UTF8.self))
            var survivor: [UInt32] = []
            var similarity: [Float] = []
            clusterBytes.withUnsafeBytes { raw in
                for k in 0..<(raw.count / 8) {
                    survivor.append(raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt32.self))
                    similarity.append(Float(bitPattern: raw.loadUnaligned(fromByteOffset: 8 * k + 4, as: UInt32.self)))
                }
            }
            let keys = templateBytes.withUnsafeBytes { raw in
                (0..<(raw.count / 8)).map { raw.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self) }
            }
            let templates = TemplateLines(keys: Set(keys))
            summary.templateKeys = templates.keys.count
            summary.templateParagraphsRemoved = try filterPass(
                parts, counts: counts, survivor: survivor, similarity: similarity, templates: templates)
            summary.seconds["filter"] = Clock.now() - start
            try FileSystem.writeAtomically(dir + "/manifest.json", manifest(summary))
        }
        return summary
    }

    private static func bytes<T: FixedWidthInteger>(_ v: T) -> [UInt8] {
        withUnsafeBytes(of: v.littleEndian) { Array($0) }
    }

    // MARK: Pass 0

    private func templatePass(_ parts: [String]) throws -> TemplateLines {
        let counts = try OrderedPipeline<TemplateLines.Counts>.map(parts, jobs: configuration.jobs) {
            try TemplateLines.count(part: $0)
        }
        var total = TemplateLines.Counts()
        for partCounts in counts { total.merge(partCounts) }
        return TemplateLines(
            keys: total.templates(minimum: configuration.templateMinArticles, share: configuration.templateShare))
    }

    // MARK: Pass 1

    /// The fields pass 1 reads from an article line (metadata: indices 2 to 6).
    static let fields = ["id", "text", "title", "outlet", "author", "editor", "via", "site"].map { Array($0.utf8) }
    static let siteField = 7
    private func signaturePass(_ parts: [String], templates: TemplateLines) throws -> [Int] {
        try OrderedPipeline<Int>.map(parts, jobs: configuration.jobs) { part in
            try Self.writeSignatures(part: part, to: self.signaturePath(part), templates: templates)
        }
    }

    func signaturePath(_ part: String) -> String {
        dir + "/signatures/" + Self.baseName(part) + ".sig"
    }

    static func baseName(_ path: String) -> String {
        var name = String(path.split(separator: "/").last ?? "")
        if name.hasSuffix(".jsonl.gz") { name.removeLast(9) }
        return name
    }

    /// Writes the signature records of one articles shard; returns the number of articles.
    static func writeSignatures(part: String, to path: String, templates: TemplateLines) throws -> Int {
        let file = try ShardFile(path: path)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        var count = 0
        var scratch = SignatureScratch()
        try forEachLine(part) { bytes in
            guard let signature = try signature(of: bytes, templates: templates, scratch: &scratch) else {
                throw InputError("\(part): article without text or id")
            }
            signature.encode(into: &out)
            count += 1
            if out.count >= 1 << 20 {
                try file.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try file.write(out)
        try file.commit()
        return count
    }

    /// Buffers reused from one article to the next.
    struct SignatureScratch {
        let parser = JSONRecordParser(fields: Deduplicator.fields)
        var scalars: [UInt32] = []
    }

    /// The signature of one article line, or `nil` when it has no text or no id.
    static func signature(
        of line: ArraySlice<UInt8>, templates: TemplateLines, scratch: inout SignatureScratch
    ) throws -> ArticleSignature? {
        let parser = scratch.parser
        let values = try line.withUnsafeBufferPointer { try parser.parse($0) }
        guard case .string(let fullText)? = values[1], case .string(let id)? = values[0] else { return nil }
        let text = templates.strip(text: fullText, site: site(values)).kept
        let metadata = values[2...6].filter { if case .string? = $0 { return true } else { return false } }.count
        return ArticleSignature(text: text, id: id, metadata: metadata, scalars: &scratch.scalars)
    }

    static func site(_ values: [JSONRecordParser.Value?]) -> [UInt8]? {
        if case .string(let site)? = values[siteField] { return site }
        return nil
    }

    // MARK: Pass 3

    /// - Returns: Template paragraphs removed from surviving articles.
    private func filterPass(
        _ parts: [String], counts: [Int], survivor: [UInt32], similarity: [Float], templates: TemplateLines
    ) throws -> Int {
        // Ids of survivors, for `dup_of`: read once from the shards holding them.
        var firstDoc = [Int](repeating: 0, count: parts.count)
        for k in 1..<max(1, parts.count) { firstDoc[k] = firstDoc[k - 1] + counts[k - 1] }
        var survivorIds: [Int: String] = [:]
        let needed = Set(survivor.enumerated().filter { Int($0.element) != $0.offset }.map { Int($0.element) })
        for (k, part) in parts.enumerated() {
            var doc = firstDoc[k]
            try Self.forEachLine(part) { bytes in
                if needed.contains(doc), let id = Self.id(bytes) { survivorIds[doc] = id }
                doc += 1
            }
        }
        let ids = survivorIds
        let starts = firstDoc
        let removed = try OrderedPipeline<Int>.map(Array(parts.indices), jobs: configuration.jobs) { k in
            try self.filter(
                part: parts[k], firstDoc: starts[k], survivor: survivor, similarity: similarity, survivorIds: ids,
                templates: templates)
        }
        return removed.reduce(0, +)
    }

    /// Uncompressed bytes per gzip member of the filter pass's outputs.
    static let memberBytes = 4 << 20

    private func filter(
        part: String, firstDoc: Int, survivor: [UInt32], similarity: [Float], survivorIds: [Int: String],
        templates: TemplateLines
    ) throws -> Int {
        let name = Self.baseName(part)
        let kept = try ShardFile(path: dir + "/articles/" + name + ".jsonl.gz")
        let dups = try ShardFile(path: dir + "/dups/" + name + ".jsonl.gz")
        let templateFile = try ShardFile(path: dir + "/templates/" + name + ".jsonl.gz")
        // Each output goes out as a gzip member whenever it holds a few megabytes, so a part
        // of any size costs a few buffers (the members concatenate to one valid gzip stream).
        var keptBytes: [UInt8] = []
        keptBytes.reserveCapacity(Self.memberBytes + (1 << 16))
        var dupWriter = JSONWriter(capacity: 1 << 16)
        var templateWriter = JSONWriter(capacity: 1 << 12)
        /// Writes `bytes` as a member once they reach ``memberBytes``; `atEnd`, if any are
        /// left or the file is still empty (an empty member: a zero-byte file is not gzip).
        func isFlushed(_ bytes: [UInt8], to file: ShardFile, atEnd: Bool = false) throws -> Bool {
            guard bytes.count >= Self.memberBytes || (atEnd && (!bytes.isEmpty || file.size == 0)) else {
                return false
            }
            try file.write(GzipEncoder.member(bytes))
            return true
        }
        var removedCount = 0
        let parser = JSONRecordParser(fields: Self.fields)
        var doc = firstDoc
        try Self.forEachLine(part) { bytes in
            if Int(survivor[doc]) == doc {
                let (line, removed) = try Self.survivorLine(bytes, templates: templates, parser: parser)
                keptBytes += line
                keptBytes.append(0x0A)
                if let removed {
                    removedCount += removed.count
                    Self.writeTemplateRecord(id: Self.id(bytes), removed: removed, to: &templateWriter)
                }
            } else {
                Self.writeDuplicate(
                    id: Self.id(bytes), dupOf: survivorIds[Int(survivor[doc])], similarity: similarity[doc],
                    to: &dupWriter)
            }
            doc += 1
            if try isFlushed(keptBytes, to: kept) { keptBytes.removeAll(keepingCapacity: true) }
            if try isFlushed(dupWriter.bytes, to: dups) { dupWriter.reset() }
            if try isFlushed(templateWriter.bytes, to: templateFile) { templateWriter.reset() }
        }
        _ = try isFlushed(keptBytes, to: kept, atEnd: true)
        _ = try isFlushed(dupWriter.bytes, to: dups, atEnd: true)
        _ = try isFlushed(templateWriter.bytes, to: templateFile, atEnd: true)
        try kept.commit()
        try dups.commit()
        try templateFile.commit()
        return removedCount
    }

    /// A surviving article's line: byte for byte, but for template paragraphs cut from its
    /// `text`; and the paragraphs cut, if any.
    static func survivorLine(
        _ bytes: ArraySlice<UInt8>, templates: TemplateLines, parser: JSONRecordParser
    ) throws -> (line: [UInt8], removed: [[UInt8]]?) {
        var ranges: [Range<Int>?] = []
        let values = try bytes.withUnsafeBufferPointer { try parser.parse($0, ranges: &ranges) }
        guard case .string(let text)? = values[1], let range = ranges[1] else { return (Array(bytes), nil) }
        let (stripped, removed) = templates.strip(text: text, site: Self.site(values))
        guard !removed.isEmpty else { return (Array(bytes), nil) }
        var w = JSONWriter()
        w.value(String(decoding: stripped, as: UTF8.self))
        let start = bytes.startIndex
        let line = Array(bytes[start..<(start + range.lowerBound)]) + w.bytes + bytes[(start + range.upperBound)...]
        return (line, removed)
    }

    /// `{"id","kind":"template","removed":[…]}`: what template paragraphs were cut from an article.
    static func writeTemplateRecord(id: String?, removed: [[UInt8]], to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.value(id)
        w.key("kind"); w.value("template")
        w.key("removed")
        w.beginArray()
        for paragraph in removed { w.value(String(decoding: paragraph, as: UTF8.self)) }
        w.endArray()
        w.endObject()
        w.newline()
    }

    /// `{"id","dup_of","similarity","kind"}`: one removed copy.
    static func writeDuplicate(id: String?, dupOf: String?, similarity: Float, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.value(id)
        w.key("dup_of"); w.value(dupOf)
        w.key("similarity"); w.value(Double(similarity))
        w.key("kind"); w.value(similarity >= 1 ? "exact" : "near")
        w.endObject()
        w.newline()
    }

    static func forEachLine(_ path: String, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        let stream = try ByteStream(path: path)
        var lines = LineReader(stream: stream, maxBytes: 1 << 30)
        while let item = try lines.next() {
            if case .line(let bytes, _, _) = item, !bytes.isEmpty { try body(bytes) }
        }
    }

    private static let idParser = JSONRecordParser(fields: [Array("id".utf8)])

    static func id(_ bytes: ArraySlice<UInt8>) -> String? {
        let parser = idParser
        guard let values = try? bytes.withUnsafeBufferPointer({ try parser.parse($0) }),
            case .string(let id)? = values[0]
        else { return nil }
        return String(decoding: id, as: UTF8.self)
    }

    private func manifest(_ s: Summary) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("version"); w.value(WinnowInfo.version)
        w.key("config"); configuration.write(to: &w)
        w.key("articles"); w.value(s.articles)
        w.key("kept"); w.value(s.kept)
        w.key("duplicates"); w.value(s.exactDuplicates + s.nearDuplicates)
        w.key("exact_duplicates"); w.value(s.exactDuplicates)
        w.key("near_duplicates"); w.value(s.nearDuplicates)
        w.key("conserved"); w.value(s.articles == s.kept + s.exactDuplicates + s.nearDuplicates)
        w.key("template_lines"); w.value(s.templateKeys)
        w.key("template_paragraphs_removed"); w.value(s.templateParagraphsRemoved)
        w.key("clusters"); w.value(s.clusters)
        w.key("largest_cluster"); w.value(s.largestCluster)
        // The arrays pass 2 holds per article, by design; and what the process measured.
        w.key("bytes_per_article_in_arrays"); w.value(s.bytesPerArticle)
        w.key("peak_rss_mb"); w.value(Clock.peakResidentMegabytes)
        w.key("peak_rss_bytes_per_article");
        w.value(s.articles > 0 ? Int(Clock.peakResidentMegabytes * 1_048_576) / s.articles : 0)
        w.key("timings")
        w.beginObject()
        for (k, v) in s.seconds.sorted(by: { $0.key < $1.key }) {
            w.key(dynamic: k)
            w.value(v)
        }
        w.endObject()
        w.endObject()
        w.newline()
        return w.bytes
    }
}

/// Settings of a dedup run.
public struct DedupConfiguration: Sendable {
    /// The output directory of `winnow run` whose articles to deduplicate.
    public var runDirectory: String
    public var jobs: Int
    /// Estimated Jaccard similarity of 5-gram sets at which two articles are copies.
    public var threshold = 0.7
    /// Estimated share of the shorter article's 5-grams found in the longer one at which it is
    /// a copy with parts cut.
    ///
    /// Measured trade-off: 0.90 merged distinct generated articles that
    /// share many sentences (precision 0.981), 0.95 missed cut copies (recall 0.961 generated,
    /// 0.990 real news); 0.92 gives 0.989/0.989 generated and 1.000/0.996 on real news.
    public var containment = 0.92
    /// LSH bands × rows (≤ 128 signature values).
    ///
    /// 42 × 3 gives a candidate probability of
    /// 1 − (1 − s³)⁴² : 0.29 at s = 0.2, 0.68 at s = 0.3, 0.97 at s = 0.43, 0.99995 at s = 0.7.
    /// The low knee catches cut copies (a third of the text cut gives s ≈ 0.45); every
    /// candidate is verified on the whole signature, so it costs comparisons, not precision.
    public var bands = 42
    public var rows = 3
    /// Articles of one site that must hold a short paragraph for it to be a template line.
    public var templateMinArticles = 10
    /// Share of a site's articles that must hold it: boilerplate is on most pages of a site;
    /// a paragraph several articles quote is on few.
    public var templateShare = 0.3

    public init(runDirectory: String, jobs: Int) {
        self.runDirectory = runDirectory
        self.jobs = max(1, jobs)
    }

    /// The settings that decide the clusters, as a JSON object (manifests, `winnow worker
    /// settings`), with Winnow's version first when `version`.
    func write(to w: inout JSONWriter, version: Bool = false) {
        w.beginObject()
        if version { w.key("version"); w.value(WinnowInfo.version) }
        w.key("gram"); w.value(MinHasher.gram)
        w.key("bins"); w.value(MinHasher.bins)
        w.key("bands"); w.value(bands)
        w.key("rows"); w.value(rows)
        w.key("threshold"); w.value(threshold)
        w.key("containment"); w.value(containment)
        w.key("template_min_articles"); w.value(templateMinArticles)
        w.key("template_share"); w.value(templateShare)
        w.endObject()
    }
}
