/// Template lines: short paragraphs a site repeats on many of its pages ("关注我们…",
/// "本文来源于…", a fixed disclaimer), learned from the corpus like CCNet's line hashes, but
/// per site and with a threshold.
///
/// A paragraph is a template of site S when its match view has 4 to 200 characters and it
/// appears in at least ``DedupConfiguration/templateMinArticles`` *different* articles of S,
/// and in at least ``DedupConfiguration/templateShare`` of S's different articles: copies of
/// one article count once (by the hash of their text), so a heading of an article reposted
/// many times is not a template, and a paragraph quoted by a few articles of a big site is
/// content, not boilerplate. Articles
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
        let siteHash = siteHash(site)
        let textHash = scratch.withUnsafeBytes { StableHash.hash64(Array($0), seed: 0x5445_4D50) }  // "TEMP"
        return StableHash.mix(siteHash ^ (textHash &* 0x9E37_79B9_7F4A_7C15))
    }

    /// What pass 0 counts in one shard: for each key, its site and the distinct articles (by
    /// text hash) holding it; for each site, its distinct articles.
    struct Counts: Sendable {
        var keys: [UInt64: (site: UInt64, articles: Set<UInt64>)] = [:]
        var sites: [UInt64: Set<UInt64>] = [:]

        mutating func merge(_ other: Counts) {
            for (key, entry) in other.keys {
                if let mine = keys[key] {
                    keys[key] = (mine.site, mine.articles.union(entry.articles))
                } else {
                    keys[key] = entry
                }
            }
            for (site, articles) in other.sites { sites[site, default: []].formUnion(articles) }
        }

        /// The keys held by at least `minimum` distinct articles of their site, and by at least
        /// `share` of that site's distinct articles.
        func templates(minimum: Int, share: Double) -> Set<UInt64> {
            Set(
                keys.filter { _, entry in
                    let siteArticles = sites[entry.site]?.count ?? 0
                    return entry.articles.count >= minimum
                        && Double(entry.articles.count) >= share * Double(siteArticles)
                }.keys)
        }
    }

    static func siteHash(_ site: [UInt8]) -> UInt64 { StableHash.hash64(site, seed: 0x5349_5445) }  // "SITE"

    /// Counts one shard.
    static func count(part: String) throws -> Counts {
        var counts = Counts()
        let parser = JSONRecordParser(fields: [Array("text".utf8), Array("site".utf8)])
        var scratch: [UInt32] = []
        try Deduplicator.forEachLine(part) { bytes in
            guard let found = try keys(of: bytes, parser: parser, scratch: &scratch) else { return }
            counts.sites[found.site, default: []].insert(found.article)
            for key in found.keys { counts.keys[key, default: (found.site, [])].articles.insert(found.article) }
        }
        return counts
    }

    /// What pass 0 counts of one article line (fields `text` and `site` of `parser`): its
    /// site's hash, its text's hash and the keys of its paragraphs that could be templates;
    /// `nil` for an article without a site.
    static func keys(
        of line: ArraySlice<UInt8>, parser: JSONRecordParser, scratch: inout [UInt32]
    ) throws -> (site: UInt64, article: UInt64, keys: [UInt64])? {
        let values = try line.withUnsafeBufferPointer { try parser.parse($0) }
        guard case .string(let text)? = values[0], case .string(let site)? = values[1], !site.isEmpty else {
            return nil
        }
        var keys: [UInt64] = []
        for paragraph in text.split(separator: 0x0A) {
            if let key = key(site: site, paragraph: paragraph, scratch: &scratch) { keys.append(key) }
        }
        return (siteHash(site), StableHash.hash64(text), keys)
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
