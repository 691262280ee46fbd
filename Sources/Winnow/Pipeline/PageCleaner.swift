internal import Glibc

/// Cleans one page: from its bytes to its ``PageRecord``.
///
/// The stages, in order (each in its own folder):
/// 1. **Input** — ``UTF8Repair`` replaces ill-formed UTF-8, counted.
/// 2. **Segment** — ``LineSplitter`` finds the lines.
/// 3. **Noise** — ``NoiseScanner`` finds candidate sites, ``NoiseModel`` judges each family,
///    ``NoiseRemover`` builds the clean view without the injected sites.
/// 4. **Classify** — ``LineClassifier`` gives each line a role and reads page metadata;
///    **Boilerplate** — ``BoilerplateStage`` finds the article among an ordinary page's chrome.
/// 5. **Extract** — ``PageAssembler`` builds the articles and accounts for every span.
///
/// A `PageCleaner` holds only options; it is cheap to copy and safe to share across threads.
public struct PageCleaner: Sendable {
    public struct Options: Sendable {
        /// Pages larger than this are rejected as ``DropReason/tooLarge`` without being read
        /// into the pipeline.
        public var maxPageBytes: Int = 64 << 20
        /// Pages with a larger share of bytes in ill-formed UTF-8 sequences (after a legacy
        /// Chinese encoding was tried) are rejected as ``DropReason/binary``: a few bad bytes
        /// are damage, many are a file in another encoding or not text.
        public var maxInvalidUTF8: Double = 0.1

        public init(maxPageBytes: Int = 64 << 20, maxInvalidUTF8: Double = 0.1) {
            self.maxPageBytes = maxPageBytes
            self.maxInvalidUTF8 = maxInvalidUTF8
        }
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// Cleans `bytes`, naming the page `id` (by default a stable hash of its bytes).
    public func clean(_ bytes: [UInt8], id: String? = nil) -> CleanOutcome {
        guard bytes.count <= options.maxPageBytes else {
            return .rejected(
                .tooLarge, detail: "page has \(bytes.count) bytes, over the limit of \(options.maxPageBytes)")
        }
        var (valid, replaced) = UTF8Repair.repairing(bytes)
        // A GBK or Big5 page is decoded, not replaced away (row U11).
        let legacy = LegacyCharset.decode(bytes, replaced: replaced)
        if let legacy { (valid, replaced) = (legacy.text, 0) }
        if let reason = binaryReason(valid, replaced: replaced, total: bytes.count) {
            return .rejected(.binary, detail: reason)
        }
        let pageID = id ?? StableHash.hex(StableHash.hash64(valid))
        let lineRanges = valid.withUnsafeBufferPointer { LineSplitter.lines($0) }
        guard !lineRanges.isEmpty else { return .rejected(.empty, detail: "page has no text") }

        // Noise: scan and judge; then segment, classify and assemble on the clean view.
        var sites: [NoiseSite] = []
        var punctuation: [(marks: Int, scalars: Int)] = []
        punctuation.reserveCapacity(lineRanges.count)
        valid.withUnsafeBufferPointer { p in
            for (index, line) in lineRanges.enumerated() {
                punctuation.append(NoiseScanner.scan(p, line: index, range: line, into: &sites))
            }
        }
        var verdicts = NoiseModel.judge(sites, punctuation: punctuation)
        var record = Self.assemble(valid, lines: lineRanges, sites: sites, verdicts: verdicts, id: pageID)
        // A page that turns out to be a farm page gets a second look at doubtful noise.
        if verdicts.contains(where: \.isAmbiguous), record.hasFarmStructure {
            let second = NoiseModel.judge(sites, punctuation: punctuation, onFarmPage: true)
            // Assemble again only if a decision changed.
            if zip(verdicts, second).contains(where: { $0.isInjected != $1.isInjected }) {
                verdicts = second
                record = Self.assemble(valid, lines: lineRanges, sites: sites, verdicts: verdicts, id: pageID)
            }
        }
        record.invalidUTF8 = replaced
        record.charset = legacy?.charset.label ?? "utf-8"
        return .page(record)
    }

    /// Builds the page record for one set of noise verdicts.
    private static func assemble(
        _ valid: [UInt8], lines: [Range<Int>], sites: [NoiseSite], verdicts: [NoiseModel.Verdict], id: String
    ) -> PageRecord {
        var text = PageText(source: valid)
        let injected = injectedSites(sites, verdicts: verdicts)
        let marks = strayByteOrderMarks(sites, injected: injected, source: valid)
        let removed =
            marks.isEmpty ? injected : (injected + marks).sorted { $0.range.lowerBound < $1.range.lowerBound }
        NoiseRemover.buildCleanView(&text, lines: lines, removed: removed)
        var record = text.clean.withUnsafeBufferPointer { p in
            let cleanLines = text.lines.map(\.clean)
            var layout = LineClassifier.classify(p, lines: cleanLines)
            BoilerplateStage.apply(p, lines: cleanLines, layout: &layout)
            var assembler = PageAssembler(text: text, clean: p, layout: layout)
            assembler.assemble()
            let reports = assembler.drafts.map {
                NoiseAccounting.report(lines: $0.lines, sites: sites, injected: injected, verdicts: verdicts)
            }
            return Self.record(assembler, layout: layout, id: id, noise: reports)
        }
        NoiseAccounting.addRemovedSites(injected, source: valid, to: &record)
        NoiseAccounting.addRemovedSites(marks, kind: .byteOrderMark, source: valid, to: &record)
        return record
    }

    /// Runs of U+FEFF that are not injected noise: byte order marks left inside the text
    /// (reliability row U8), removed wherever they are, and counted as such.
    static func strayByteOrderMarks(_ sites: [NoiseSite], injected: [NoiseSite], source: [UInt8]) -> [NoiseSite] {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        return sites.filter { site in
            site.firstScalar == 0xFEFF && site.range.count == 3 * site.units
                && stride(from: site.range.lowerBound, to: site.range.upperBound, by: 3).allSatisfy {
                    source[$0..<($0 + 3)].elementsEqual(mark)
                }
                && !injected.contains { $0.range == site.range }
        }
    }

    /// Sites of injected families, except line-edge sites on lines without injected interior
    /// sites (a `🔥` before a headline stays).
    static func injectedSites(_ sites: [NoiseSite], verdicts: [NoiseModel.Verdict]) -> [NoiseSite] {
        let families = verdicts.filter(\.isInjected).map(\.family)
        guard !families.isEmpty else { return [] }
        // Sites are in line order: collect the lines with an injected interior site.
        var noisyLines: [Int] = []
        for site in sites where families.contains(site.family) && !site.atLineEdge && noisyLines.last != site.line {
            noisyLines.append(site.line)
        }
        return sites.filter { families.contains($0.family) && noisyLines.contains($0.line) }
    }

    private func binaryReason(_ bytes: [UInt8], replaced: Int, total: Int) -> String? {
        let hasNUL = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        if hasNUL { return "page contains NUL bytes; it is not text" }
        if total > 0, Double(replaced) > options.maxInvalidUTF8 * Double(total) {
            return
                "\(replaced) of \(total) bytes are not UTF-8 (over --max-bad-utf8 \(options.maxInvalidUTF8)); convert the page to UTF-8 first"
        }
        return nil
    }

    private static func record(
        _ a: PageAssembler, layout: LineClassifier.Layout, id: String, noise: [NoiseReport]
    ) -> PageRecord {
        func string(_ r: Range<Int>?) -> String? { r.map { a.text.string($0) } }
        // A draft of bylines alone (`来源:新华社 来源:新华社` and nothing else) is metadata, not an
        // article: its spans stay in the ledger, it gives no article (found by the fuzzer).
        let kept = a.drafts.indices.filter { !a.drafts[$0].paragraphs.isEmpty }
        let articles = kept.enumerated().map { (number, index) -> Article in
            let draft = a.drafts[index]
            return Article(
                id: "\(id)#\(number + 1)", title: string(draft.title), outlet: string(draft.outlet),
                author: string(draft.author), editor: string(draft.editor), via: string(draft.via),
                originalTitle: string(draft.originalTitle), published: draft.published,
                paragraphs: draft.paragraphs.map { a.text.string($0.range) },
                noise: noise[index])
        }
        return PageRecord(
            id: id, site: string(layout.site), section: string(layout.section), title: string(layout.title),
            updated: layout.updated, views: layout.views, articles: articles,
            noArticle: articles.isEmpty ? layout.noArticle ?? "no body text" : nil,
            links: layout.links.map { Link(title: a.text.string($0.title), views: $0.views) },
            removed: a.removed, bytes: a.text.source.count, invalidUTF8: 0, charset: "utf-8", spans: a.spans,
            source: a.text.source)
    }
}
