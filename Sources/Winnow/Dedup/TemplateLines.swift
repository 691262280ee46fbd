/// Template lines: short paragraphs a site repeats on many of its pages ("关注我们…",
/// "本文来源于…", a fixed disclaimer), learned from the corpus like CCNet's line hashes, but
/// per site and with a threshold.
///
/// A paragraph is a template of site S when its match view has 4 to 200 characters and it
/// appears in at least ``DedupConfiguration/templateMinArticles`` *different* articles of S:
/// copies of one article count once (by the hash of their text), so a short heading of an
/// article reposted many times is not a template. Articles
/// with no known site are never judged (a short line common to the whole corpus, such as
/// `结语`, is not a template of anyone). Templates are removed from the articles before their
/// signatures are made, and recorded in `dedup/templates/part-N.jsonl.gz`.
struct TemplateLines: Sendable {
    /// Keys (site ⊕ paragraph) that are templates.
    let keys: Set<UInt64>

    static let maxScalars = 200
    static let minScalars = 4

    /// The key of `paragraph` on `site`, or `nil` when the paragraph cannot be a template.
    static func key(site: [UInt8], paragraph: ArraySlice<UInt8>, scratch: inout [UInt32]) -> UInt64? {
        guard !site.isEmpty, paragraph.count <= maxScalars * 4 else { return nil }
        scratch.removeAll(keepingCapacity: true)
        paragraph.withUnsafeBufferPointer { MatchView.scalars($0, into: &scratch) }
        guard scratch.count >= minScalars, scratch.count <= maxScalars else { return nil }
        let siteHash = StableHash.hash64(site, seed: 0x5349_5445)  // "SITE"
        let textHash = scratch.withUnsafeBytes { StableHash.hash64(Array($0), seed: 0x5445_4D50) }  // "TEMP"
        return StableHash.mix(siteHash ^ (textHash &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The distinct articles (by text hash) of one shard holding each key, at most `cap` per
    /// key (enough to decide).
    static func count(part: String, cap: Int) throws -> [UInt64: [UInt64]] {
        var counts: [UInt64: [UInt64]] = [:]
        let parser = JSONRecordParser(fields: [Array("text".utf8), Array("site".utf8)])
        var scratch: [UInt32] = []
        try Deduplicator.forEachLine(part) { bytes in
            let values = try bytes.withUnsafeBufferPointer { try parser.parse($0) }
            guard case .string(let text)? = values[0], case .string(let site)? = values[1] else { return }
            let article = StableHash.hash64(text)
            for paragraph in text.split(separator: 0x0A) {
                guard let key = key(site: site, paragraph: paragraph, scratch: &scratch) else { continue }
                var articles = counts[key, default: []]
                if articles.count < cap, !articles.contains(article) {
                    articles.append(article)
                    counts[key] = articles
                }
            }
        }
        return counts
    }

    /// The paragraphs of `text` that are templates of `site`, and the text without them.
    func strip(text: [UInt8], site: [UInt8]?) -> (kept: [UInt8], removed: [[UInt8]]) {
        guard let site, !keys.isEmpty else { return (text, []) }
        var scratch: [UInt32] = []
        var kept: [UInt8] = []
        var removed: [[UInt8]] = []
        for paragraph in text.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if let key = Self.key(site: site, paragraph: paragraph, scratch: &scratch), keys.contains(key) {
                removed.append(Array(paragraph))
                continue
            }
            if !kept.isEmpty { kept.append(0x0A) }
            kept += paragraph
        }
        return removed.isEmpty ? (text, []) : (kept, removed)
    }
}
