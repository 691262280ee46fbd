/// Everything Winnow recovered from one page: its metadata, its articles, its links, and
/// every span it removed, with the reason.
///
/// Unknown values are `nil`, never guessed. ``spans`` accounts for every byte of the page
/// that is not whitespace (see ``PageSpan``).
public struct PageRecord: Sendable {
    public var id: String
    public var site: String?
    public var section: String?
    public var title: String?
    /// The update or publication time the page prints, normalized to `YYYY-MM-DD[ HH:MM[:SS]]`.
    public var updated: String?
    public var views: Int?
    public var articles: [Article]
    /// Why the page gave no article (a list of headlines, a forum index); `nil` when it gave
    /// some.
    public var noArticle: String?
    public var links: [Link]
    /// Removed spans in page order.
    public var removed: [RemovedSpan]
    /// Bytes of the page after invalid UTF-8 was replaced.
    public var bytes: Int
    /// Ill-formed UTF-8 sequences replaced by U+FFFD.
    public var invalidUTF8: Int
    /// The page's encoding: `utf-8`, or `gb18030` / `big5` for a page decoded from a legacy
    /// Chinese encoding (then ``source`` and every offset are of the UTF-8 text).
    public var charset: String
    /// Where each part of the page went.
    public var spans: [PageSpan]
    /// The page text the offsets of ``removed`` and ``spans`` refer to.
    public var source: [UInt8]
}

extension PageRecord {
    /// Whether the scalar at `i` of a page is whitespace, which no span needs to cover
    /// (the "nothing lost" check of the tests and the fuzz harness).
    package static func isWhitespace(_ s: [UInt8], at i: Int) -> Bool {
        let b = s[i]
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { return true }
        if b == 0xE3, i + 2 < s.count, s[i + 1] == 0x80, s[i + 2] == 0x80 { return true }
        return b == 0xC2 && i + 1 < s.count && s[i + 1] == 0xA0
    }

    /// Whether the page shows the blocks only content farms add: a fold marker, a portal
    /// footer, a doubled byline, keyword stuffing or a link list.
    public var hasFarmStructure: Bool {
        removed.contains { span in
            switch span.kind {
            case .foldMarker, .sourceFooter, .duplicateByline, .keywordStuffing, .linkList: return true
            default: return false
            }
        }
    }
}

/// Where one span of a page went: into an article, into metadata, or out, with a reason.
///
/// Spans of kind ``Role/removed(_:)`` for injected noise are exact; the others cover a block
/// and may contain injected sites, which have spans of their own.
public struct PageSpan: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case paragraph(article: Int)
        case metadata(MetadataField)
        case removed(RemovalKind)
    }

    public var range: Range<Int>
    public var role: Role

    public init(range: Range<Int>, role: Role) {
        self.range = range
        self.role = role
    }
}

/// The metadata a span of a page was read into.
public enum MetadataField: String, Sendable {
    case title
    case byline
}
