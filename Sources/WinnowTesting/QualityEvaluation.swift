public import Winnow

/// What happens to a text in a corpus run: kept, dropped by the cleaner, or dropped by a
/// quality filter, with the reason (issue 6's confusion table).
public enum QualityEvaluation {
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        case kept
        /// The cleaner gave no article (rejected the page, or found no article on it).
        case noArticle(String)
        case filtered(String)

        public var isKept: Bool { self == .kept }
        public var description: String {
            switch self {
            case .kept: "kept"
            case .noArticle(let why): "no article (\(why))"
            case .filtered(let filter): "filtered: \(filter)"
            }
        }
    }

    /// The outcome of `text` as one page under `filters`: kept if any of its articles is.
    public static func outcome(_ text: String, filters: QualityFilters = QualityFilters()) -> Outcome {
        switch PageCleaner().clean(Array(text.utf8)) {
        case .rejected(let reason, _):
            return .noArticle(reason.rawValue)
        case .page(let page):
            guard !page.articles.isEmpty else { return .noArticle(page.noArticle ?? "none") }
            var quality = QualitySignals()
            let boilerplate = QualitySignals.boilerplate(of: page)
            var failures: [String] = []
            for article in page.articles {
                let signals = quality.signals(of: article, boilerplate: boilerplate)
                guard let failure = filters.check(signals) else { return .kept }
                failures.append(failure.filter)
            }
            return .filtered(failures[0])
        }
    }

    /// Generated junk of one kind, from Winnow's own vocabulary, varied by `random`.
    public enum Junk: String, CaseIterable, Sendable {
        case linkList = "link list"
        case keywordStuffing = "keyword stuffing"
        case repeatedLines = "repeated lines"
        case mojibake
        case symbols = "all-symbol text"

        public func text(using random: inout SplitMix64) -> String {
            let headlines = SampleArticles.headlines.shuffled(using: &random)
            let article = SampleArticles.all[Int(random.next() % UInt64(SampleArticles.all.count))]
            switch self {
            case .linkList:
                return headlines.prefix(6 + Int(random.next() % 6)).joined(separator: "\n")
            case .keywordStuffing:
                let places = [
                    "广东省", "广州市", "越秀区", "海珠区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区",
                    "深圳市", "福田区", "罗湖区", "南山区", "宝安区", "龙岗区", "盐田区", "龙华区", "坪山区", "光明区",
                ]
                return (0..<(3 + Int(random.next() % 4))).map { _ in
                    places.shuffled(using: &random).prefix(10).joined(separator: "、")
                }.joined(separator: "\n")
            case .repeatedLines:
                let line = article.paragraphs[0]
                return Array(repeating: line, count: 5 + Int(random.next() % 10)).joined(separator: "\n")
            case .mojibake:
                let bytes = Array(article.paragraphs.joined(separator: "\n").utf8)
                return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
            case .symbols:
                let symbols = ["★", "☆", "◆", "◇", "■", "□", "▲", "△", "●", "○", "※", "→", "♪", "✦"]
                return (0..<(40 + Int(random.next() % 80))).map { _ in random.pick(symbols) }.joined()
            }
        }
    }
}
