/// Renders a page record for a person: the page as it came, with every removed span marked
/// by its kind and every metadata span by its field, then the articles with their metadata,
/// the links, and the counts of removed spans by kind.
///
/// Without colours, a removed span reads `[kind: text]` and a metadata span `⟨field: text⟩`;
/// with colours (on a terminal), removed spans are coloured by kind and labelled. Any byte
/// that no span accounts for would show as `[UNACCOUNTED: …]`; the tests make sure none does.
public struct ExplainRenderer: Sendable {
    public var colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    public func render(_ record: PageRecord) -> String {
        var out = ""
        out += heading("page \(record.id)")
        out += "site: \(show(record.site))  section: \(show(record.section))  title: \(show(record.title))\n"
        out += "updated: \(show(record.updated))  views: \(show(record.views))  bytes: \(record.bytes)"
        out += "  invalid UTF-8 replaced: \(record.invalidUTF8)\n\n"
        out += heading("source, as Winnow read it")
        out += annotatedSource(record)
        out += "\n"
        for (index, article) in record.articles.enumerated() {
            out += heading("article \(index + 1) of \(record.articles.count): \(article.id)")
            out += "title: \(show(article.title))  outlet: \(show(article.outlet))  author: \(show(article.author))"
            out += "  editor: \(show(article.editor))  via: \(show(article.via))\n"
            if let original = article.originalTitle { out += "original title: \(original)\n" }
            if let published = article.published { out += "published: \(published)\n" }
            let period = article.noise.period.map { "\($0)" } ?? "-"
            out += "noise: \(article.noise.removed) removed, period \(period), confidence \(article.noise.confidence)\n"
            for (k, paragraph) in article.paragraphs.enumerated() { out += "  ¶\(k + 1) \(paragraph)\n" }
            out += "\n"
        }
        if let reason = record.noArticle { out += heading("no article") + reason + "\n\n" }
        if !record.links.isEmpty {
            out += heading("links")
            for link in record.links { out += "  \(link.title)  (views: \(show(link.views)))\n" }
            out += "\n"
        }
        out += heading("removed")
        for kind in RemovalKind.allCases {
            let spans = record.removed.filter { $0.kind == kind }
            if !spans.isEmpty { out += "  \(paint(kind.rawValue, kind)): \(spans.count)\n" }
        }
        return out
    }

    /// The page with each byte marked by the span that accounts for it.
    ///
    /// Injected noise wins
    /// over the block that contains it; removals win over metadata and paragraphs.
    private func annotatedSource(_ record: PageRecord) -> String {
        let n = record.source.count
        var marks = [Mark](repeating: .none, count: n)
        for span in record.spans {
            let mark = Mark(span.role)
            for i in span.range where mark.priority > marks[i].priority { marks[i] = mark }
        }
        var out = ""
        var i = 0
        while i < n {
            if record.source[i] == 0x0A {
                out += "\n"
                i += 1
                continue
            }
            var j = i
            while j < n, marks[j] == marks[i], record.source[j] != 0x0A { j += 1 }
            let text = String(decoding: record.source[i..<j], as: UTF8.self)
            switch marks[i] {
            case .paragraph: out += text
            case .none:
                let isBlank = record.source[i..<j].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                out += isBlank ? text : "[UNACCOUNTED: \(text)]"
            case .metadata(let field):
                out += colors ? "\u{1B}[36m⟨\(field.rawValue): \(text)⟩\u{1B}[0m" : "⟨\(field.rawValue): \(text)⟩"
            case .removed(let kind):
                out +=
                    colors
                    ? "\u{1B}[2m[\(kind.rawValue):\u{1B}[0m\(paint(text, kind))\u{1B}[2m]\u{1B}[0m"
                    : "[\(kind.rawValue): \(text)]"
            }
            i = j
        }
        return out + "\n"
    }

    private enum Mark: Equatable {
        case none, paragraph, metadata(MetadataField), removed(RemovalKind)

        init(_ role: PageSpan.Role) {
            switch role {
            case .paragraph: self = .paragraph
            case .metadata(let field): self = .metadata(field)
            case .removed(let kind): self = .removed(kind)
            }
        }

        var priority: Int {
            switch self {
            case .none: 0
            case .paragraph: 1
            case .metadata: 2
            case .removed(let kind): kind.isCharacterLevel ? 4 : 3
            }
        }
    }

    private func paint(_ text: String, _ kind: RemovalKind) -> String {
        guard colors else { return text }
        let code: String
        switch kind {
        case .injectedNoise, .byteOrderMark: code = "41;97"
        case .pageHeader: code = "33"
        case .duplicateByline, .repeatedText: code = "35"
        case .foldMarker, .sourceFooter: code = "31"
        case .keywordStuffing: code = "90;9"
        case .linkList, .relatedLinks: code = "34"
        case .navigation, .pager, .copyright, .markup: code = "90"
        case .login, .share, .comment: code = "36"
        case .ad: code = "41"
        case .caption, .outsideArticle: code = "32"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func heading(_ s: String) -> String {
        colors ? "\u{1B}[1m── \(s) ──\u{1B}[0m\n" : "── \(s) ──\n"
    }

    private func show(_ s: String?) -> String { s ?? "-" }
    private func show(_ n: Int?) -> String { n.map { "\($0)" } ?? "-" }
}
