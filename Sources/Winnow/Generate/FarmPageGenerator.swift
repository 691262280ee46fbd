/// Builds content-farm pages with known truth from clean articles, varying everything farms
/// vary (DESIGN.md §1): the injected palette (5–60 emoji, or zero-width characters, or rare
/// symbols) and period (10–60 characters, jittered up to ±50%), one to three articles, with
/// or without (doubled) bylines in several styles, any province, other marker, footer, header
/// and link-list phrases, full- or half-width punctuation.
///
/// The truth is what a perfect cleaner returns; it is built alongside the page, never read
/// back from Winnow's output. Same seed, same pages.
public struct FarmPageGenerator: Sendable {
    /// A clean article to disguise.
    public struct SourceArticle: Sendable {
        public var title: String
        public var paragraphs: [String]

        public init(title: String, paragraphs: [String]) {
            self.title = title
            self.paragraphs = paragraphs
        }
    }

    /// What a perfect cleaner recovers from a generated page.
    public struct Truth: Sendable {
        public var site: String?
        public var section: String?
        public var title: String?
        public var updated: String?
        public var views: Int?
        public var articles: [Article]
        public var links: [Link]
        /// The injected family and the mean period used.
        public var noiseFamily: NoiseFamily
        public var period: Int
    }

    public struct GeneratedPage: Sendable {
        public var text: String
        public var truth: Truth
    }

    private var rng: SplitMix64

    public init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    /// A page carrying `articles` (one to three are typical).
    public mutating func page(articles sources: [SourceArticle]) -> GeneratedPage {
        let halfWidth = rng.chance(0.5)
        let family: NoiseFamily = rng.chance(0.7) ? .emoji : (rng.chance(0.5) ? .invisible : .symbol)
        let palette = makePalette(family)
        let period = Int.random(in: 10...60, using: &rng)
        let jitter = Double.random(in: 0...0.5, using: &rng)
        let sources = sources.map { width($0, halfWidth: halfWidth) }
        var lines: [String] = []
        var truth = Truth(articles: [], links: [], noiseFamily: family, period: period)

        // Title and header lines.
        let title = sources[0].title
        lines.append(title)
        truth.title = title
        if rng.chance(0.85) {
            let site = rng.pick(FarmVocabulary.sites)
            let section = rng.pick(FarmVocabulary.sections)
            // A site without a known ending needs a separator to be told from its section.
            let separators =
                Lexicon.siteSuffixes.contains {
                    site.utf8.elementsEqual($0) || site.hasSuffix(String(decoding: $0, as: UTF8.self))
                }
                ? FarmVocabulary.headerSeparators : FarmVocabulary.headerSeparators.filter { !$0.isEmpty }
            let colon = rng.pick([":", "：", " "])
            lines.append(site + rng.pick(separators) + section + colon + title)
            truth.site = site
            truth.section = section
        }
        if rng.chance(0.85) {
            let colon = halfWidth ? ":" : "："
            var line = rng.pick(FarmVocabulary.dateLabels) + colon + " "
            if rng.chance(0.5) {
                let (y, m, d) = (
                    Int.random(in: 2019...2026, using: &rng), Int.random(in: 1...12, using: &rng),
                    Int.random(in: 1...28, using: &rng)
                )
                let (h, mi) = (Int.random(in: 0...23, using: &rng), Int.random(in: 0...59, using: &rng))
                if rng.chance(0.5) {
                    line += "\(y)-\(pad(m))-\(pad(d)) \(pad(h)):\(pad(mi))"
                } else {
                    line += "\(y)年\(pad(m))月\(pad(d))日 \(pad(h)):\(pad(mi))"
                }
                truth.updated = "\(y)-\(pad(m))-\(pad(d)) \(pad(h)):\(pad(mi))"
            }
            let views = Int.random(in: 100...99_999, using: &rng)
            line += " " + rng.pick(FarmVocabulary.viewLabels) + colon + "\(views)"
            lines.append(line)
            truth.views = views
        }

        // Articles, separated by keyword blocks or told apart by their bylines.
        var previousHadFooter = false
        for (index, source) in sources.enumerated() {
            var separated = index == 0
            if index > 0, rng.chance(0.6) {
                lines += stuffingBlock(halfWidth: halfWidth)
                separated = true
            }
            var article = Article(id: "", title: index == 0 ? title : nil)
            if index > 0, separated, rng.chance(0.3), isHeading(source.title) {
                lines.append(source.title)
                article.title = source.title
            }
            let needsByline = !separated && !previousHadFooter
            let byline = makeByline(required: needsByline, halfWidth: halfWidth, article: &article)
            var pieces = source.paragraphs
            article.paragraphs = source.paragraphs
            if pieces.count >= 2, rng.chance(0.7) {
                pieces.insert(rng.pick(FarmVocabulary.foldMarkers), at: Int.random(in: 1..<pieces.count, using: &rng))
            }
            previousHadFooter = rng.chance(0.7)
            if previousHadFooter {
                let portal = rng.pick(FarmVocabulary.portals)
                let comma = rng.pick([",", "，", ""])
                pieces[pieces.count - 1] += "返回" + portal + comma + rng.pick(FarmVocabulary.footerTails)
                article.via = portal
            }
            let flat = (byline.map { [$0] } ?? []) + pieces
            lines.append(inject(flat.joined(separator: " "), palette: palette, period: period, jitter: jitter))
            truth.articles.append(article)
        }
        if rng.chance(0.3) { lines += stuffingBlock(halfWidth: halfWidth) }

        // Link list.
        if rng.chance(0.7) {
            lines.append(rng.pick(FarmVocabulary.linkHeaders))
            let style = Int.random(in: 0..<3, using: &rng)
            for headline in SampleArticles.headlines.shuffled(using: &rng).prefix(Int.random(in: 2...6, using: &rng)) {
                let headline = width(headline, halfWidth: halfWidth)
                let views = Int.random(in: 100...9_999, using: &rng)
                switch style {
                case 0: lines += [headline, "\(views)"]
                case 1: lines.append("\(headline) \(views)")
                default: lines.append(headline)
                }
                truth.links.append(Link(title: headline, views: style == 2 ? nil : views))
            }
        }
        return GeneratedPage(text: lines.joined(separator: "\n") + "\n", truth: truth)
    }

    /// A byline in one of the common styles, maybe doubled; fills the article's fields.
    private mutating func makeByline(required: Bool, halfWidth: Bool, article: inout Article) -> String? {
        guard required || rng.chance(0.7) else { return nil }
        let outlet = rng.chance(0.9) ? rng.pick(FarmVocabulary.outlets) : nil
        let author = rng.chance(0.6) ? rng.pick(FarmVocabulary.authors) : nil
        let editor = rng.chance(0.5) ? rng.pick(FarmVocabulary.editors) : nil
        let comma = halfWidth ? "," : "，"
        let colon = halfWidth ? ":" : "："
        var fields: [String] = []
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:  // 文 | 城市观察,作者|张远,编辑|刘宁
            if let outlet { fields.append("文 | " + outlet) }
            if let author { fields.append("作者|" + author) }
            if let editor { fields.append("编辑|" + editor) }
            if fields.isEmpty {
                fields.append("文 | " + FarmVocabulary.outlets[0]); article.outlet = FarmVocabulary.outlets[0]
            }
        case 1:  // 来源：新华社 作者：张远 责任编辑：刘宁
            if let outlet { fields.append("来源" + colon + outlet) }
            if let author { fields.append("作者" + colon + author) }
            if let editor { fields.append(rng.pick(["编辑", "责任编辑"]) + colon + editor) }
            if fields.isEmpty {
                fields.append("来源" + colon + FarmVocabulary.outlets[1]); article.outlet = FarmVocabulary.outlets[1]
            }
        default:  // 文/张远
            let name = author ?? FarmVocabulary.authors[0]
            article.author = name
            let line = "文/" + name
            return rng.chance(0.5) ? line + " " + line : line
        }
        if article.outlet == nil { article.outlet = outlet }
        article.author = author
        article.editor = editor
        let joiner = rng.chance(0.5) ? comma : " "
        let line = fields.joined(separator: joiner)
        return rng.chance(0.6) ? line + " " + line : line
    }

    /// One to three lines of regions of one province.
    private mutating func stuffingBlock(halfWidth: Bool) -> [String] {
        let region = rng.pick(FarmVocabulary.regions)
        let colon = halfWidth ? ":" : "："
        let (open, close) = halfWidth ? ("(", ")") : ("（", "）")
        var lines: [String] = []
        for (k, (city, districts)) in region.cities.enumerated() {
            let list = open + districts.joined(separator: "、") + close
            lines.append((k == 0 ? region.province + colon : "") + city + colon + list)
        }
        return lines
    }

    /// Inserts a unit of `palette` about every `period` characters (never at the very start).
    private mutating func inject(_ text: String, palette: [String], period: Int, jitter: Double) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        var next = gap(period, jitter)
        var count = 0
        for scalar in text.unicodeScalars {
            if count == next {
                out += rng.pick(palette)
                next += gap(period, jitter)
            }
            out.unicodeScalars.append(scalar)
            count += 1
        }
        return out
    }

    private mutating func gap(_ period: Int, _ jitter: Double) -> Int {
        max(2, Int((Double(period) * (1 + Double.random(in: -jitter...jitter, using: &rng))).rounded()))
    }

    private mutating func makePalette(_ family: NoiseFamily) -> [String] {
        switch family {
        case .emoji:
            return Array(FarmVocabulary.emoji.shuffled(using: &rng).prefix(Int.random(in: 5...60, using: &rng)))
        case .invisible:
            return Array(FarmVocabulary.invisible.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
        case .symbol:
            return Array(FarmVocabulary.symbols.shuffled(using: &rng).prefix(Int.random(in: 3...10, using: &rng)))
        }
    }

    /// A title the generator may print as a heading line: short, no sentence inside.
    private func isHeading(_ title: String) -> Bool {
        title.unicodeScalars.count <= 40
            && !title.unicodeScalars.dropLast().contains { "。！？!?".unicodeScalars.contains($0) }
            && !title.unicodeScalars.contains(" ")
    }

    private func width(_ article: SourceArticle, halfWidth: Bool) -> SourceArticle {
        SourceArticle(
            title: width(article.title, halfWidth: halfWidth),
            paragraphs: article.paragraphs.map { width($0, halfWidth: halfWidth) })
    }

    /// Full-width clause punctuation turned half-width, as many farms do (`，：？！（）；`).
    private func width(_ s: String, halfWidth: Bool) -> String {
        guard halfWidth else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case "，": out.append(",");
            case "：": out.append(":");
            case "？": out.append("?");
            case "！": out.append("!")
            case "（": out.append("(");
            case "）": out.append(")");
            case "；": out.append(";")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension FarmPageGenerator {
    /// `count` pages of one to three of Winnow's sample articles each (the pages of
    /// `winnow generate --pages COUNT --seed SEED`).
    public static func samplePages(count: Int, seed: UInt64) -> [GeneratedPage] {
        var generator = FarmPageGenerator(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0x5EED)
        return (0..<count).map { _ in
            let n = Int.random(in: 1...3, using: &rng)
            return generator.page(articles: Array(SampleArticles.all.shuffled(using: &rng).prefix(n)))
        }
    }
}
