/// Counts of one input or of a whole run.
///
/// Conservation: `recordsIn == pagesOut + rejected`, and `articles == kept + filtered`
/// (duplicates are counted by `winnow dedup`, over the kept articles).
public struct RunCounts: Sendable, Equatable {
    public var recordsIn = 0
    public var pagesOut = 0
    public var articles = 0
    /// Articles a quality filter dropped (to `filtered/`).
    public var filtered = 0
    public var rejected = 0
    /// Rejected records by reason, and removed spans by kind (`removed_<kind>`).
    public var reasons: [String: Int] = [:]
    /// Uncompressed bytes of page text read.
    public var textBytes = 0

    /// Articles written to `articles/`.
    public var kept: Int { articles - filtered }

    public var isConserved: Bool { recordsIn == pagesOut + rejected && kept >= 0 }

    mutating func add(_ other: RunCounts) {
        recordsIn += other.recordsIn
        pagesOut += other.pagesOut
        articles += other.articles
        filtered += other.filtered
        rejected += other.rejected
        textBytes += other.textBytes
        for (k, v) in other.reasons { reasons[k, default: 0] += v }
    }

    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("records_in"); w.value(recordsIn)
        w.key("pages_out"); w.value(pagesOut)
        w.key("rejected"); w.value(rejected)
        w.key("articles"); w.value(articles)
        w.key("articles_kept"); w.value(kept)
        w.key("articles_filtered"); w.value(filtered)
        w.key("text_bytes"); w.value(textBytes)
        w.key("conserved"); w.value(isConserved)
        w.key("reasons")
        w.beginObject()
        for (k, v) in reasons.sorted(by: { $0.key < $1.key }) {
            w.key(dynamic: k)
            w.value(v)
        }
        w.endObject()
        w.endObject()
    }

    /// The counts as `name value` lines: the completion marker of an input, read back when a
    /// run resumes.
    ///
    /// Reasons are `reason:NAME value`.
    var markerText: String {
        var out = "records_in \(recordsIn)\npages_out \(pagesOut)\nrejected \(rejected)\narticles \(articles)\n"
        out += "filtered \(filtered)\n"
        out += "text_bytes \(textBytes)\n"
        for (k, v) in reasons.sorted(by: { $0.key < $1.key }) { out += "reason:\(k) \(v)\n" }
        return out
    }

    /// Parses ``markerText``; `nil` if it is damaged.
    init?(markerText: String) {
        guard let pairs = NameValueLines.parse(markerText) else { return nil }
        for (name, value) in pairs {
            switch name {
            case "records_in": recordsIn = value
            case "pages_out": pagesOut = value
            case "rejected": rejected = value
            case "articles": articles = value
            case "filtered": filtered = value
            case "text_bytes": textBytes = value
            case let name where name.hasPrefix("reason:"): reasons[String(name.dropFirst(7))] = value
            default: return nil
            }
        }
    }

    public init() {}
}
