/// Writes corpora of generated farm pages, in the formats `winnow run` reads, with the truth
/// of every page, for tests and benchmarks of any size.
///
/// - `.jsonl`: `{"id","text","url","truth":{…}}` per line (the runner reads `text` and `id`
///   and ignores `truth`); gzip members of 256 records when compressed.
/// - `.wet`: a `warcinfo` record, then one `conversion` record per page, each its own gzip
///   member when compressed (as Common Crawl writes them).
public enum FarmCorpus {
    public enum Format: String, Sendable {
        case jsonl, wet
    }

    /// Generates `pages` pages from `seed` and hands the file's bytes to `sink` in pieces.
    ///
    /// With `sources` 0, pages carry Winnow's eight sample articles (nearly every article is
    /// an exact copy of one of eight). With `sources` N, they carry N synthetic articles
    /// (``NearDuplicates/syntheticArticles(count:seed:)``), each use a disguised variant
    /// half of the time: a corpus of many distinct articles with known near-duplicates. The
    /// N articles do not depend on `seed`, so files made with other seeds share them.
    /// `scrambled` makes the synthetic articles' sentences unique to each article
    /// (``NearDuplicates/syntheticArticles(count:seed:scrambled:)``).
    public static func write(
        format: Format, pages: Int, seed: UInt64, sources: Int = 0, scrambled: Bool = false, gzip: Bool,
        to sink: ([UInt8]) throws -> Void
    ) rethrows {
        var generator = FarmPageGenerator(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0x5EED)
        let synthetic =
            sources > 0 ? NearDuplicates.syntheticArticles(count: sources, seed: 0x50_5243, scrambled: scrambled) : []
        /// The articles of the next page.
        func articles(count: Int) -> [FarmPageGenerator.SourceArticle] {
            guard !synthetic.isEmpty else { return Array(SampleArticles.all.shuffled(using: &rng).prefix(count)) }
            return (0..<count).map { _ in
                let source = rng.pick(synthetic)
                return Bool.random(using: &rng) ? NearDuplicates.variant(of: source, using: &rng) : source
            }
        }
        var pending: [UInt8] = []
        var output: [UInt8] = []
        /// Ends the current member (or plain chunk); hands output to `sink` by the megabyte.
        func flush(final: Bool = false) throws {
            if !pending.isEmpty {
                output += gzip ? GzipEncoder.member(pending) : pending
                pending.removeAll(keepingCapacity: true)
            }
            if output.count >= 1 << 20 || (final && !output.isEmpty) {
                try sink(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        if format == .wet {
            let info = "software: winnow \(WinnowInfo.version) generator\r\nseed: \(seed)\r\n"
            pending += warcRecord(type: "warcinfo", uri: nil, id: "info-\(seed)", body: Array(info.utf8))
            try flush()
        }
        for k in 0..<pages {
            let count = Int.random(in: 1...3, using: &rng)
            let page = generator.page(articles: articles(count: count))
            let id = "gen-\(seed)-\(k)"
            let url = "https://farm.example.invalid/\(seed)/\(k).html"
            switch format {
            case .jsonl:
                var w = JSONWriter(capacity: 8192)
                w.beginObject()
                w.key("id"); w.value(id)
                w.key("text"); w.value(page.text)
                w.key("url"); w.value(url)
                w.key("truth"); page.truth.write(to: &w)
                w.endObject()
                w.newline()
                pending += w.bytes
                if pending.count >= 1 << 20 { try flush() }
            case .wet:
                pending += warcRecord(type: "conversion", uri: url, id: id, body: Array(page.text.utf8))
                try flush()
            }
        }
        try flush(final: true)
    }

    private static func warcRecord(type: String, uri: String?, id: String, body: [UInt8]) -> [UInt8] {
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "WARC-Date: 2026-11-27T00:00:00Z\r\nWARC-Record-ID: <urn:winnow:\(id)>\r\n"
        header += "Content-Type: text/plain\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(header.utf8) + body + Array("\r\n\r\n".utf8)
    }
}
