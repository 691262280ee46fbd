import Foundation
import Winnow

/// Scores the article text Winnow extracts from real pages against their gold main text
/// (issue 5's evidence), page by page.
public enum ExtractionEvaluation {
    public struct PageResult: Sendable {
        public var id: String
        public var site: String
        public var score: ExtractionScore
        public var articles: Int
        /// Whether the article title (or, failing that, the page title) equals the gold title.
        public var titleRight: Bool?
        public var extracted: String
        public var gold: String
    }

    public struct Summary: Sendable {
        public var pages: [PageResult]

        public var meanF1: Double { mean(\.score.f1) }
        public var meanPrecision: Double { mean(\.score.precision) }
        public var meanRecall: Double { mean(\.score.recall) }
        /// Pages with gold text that gave no article.
        public var emptyPages: [PageResult] { pages.filter { $0.articles == 0 && !$0.gold.isEmpty } }
        public var titleAccuracy: Double {
            let judged = pages.compactMap(\.titleRight)
            return judged.isEmpty ? 0 : Double(judged.filter { $0 }.count) / Double(judged.count)
        }

        private func mean(_ key: KeyPath<PageResult, Double>) -> Double {
            pages.isEmpty ? 0 : pages.map { $0[keyPath: key] }.reduce(0, +) / Double(pages.count)
        }

        /// One line per page, worst first, for a failure dump.
        public var report: String {
            pages.sorted { $0.score.f1 < $1.score.f1 }.map { page in
                let s = page.score
                return String(
                    format: "%.3f P %.3f R %.3f %@ %@ articles=%d title=%@\n  got:  %@\n  gold: %@",
                    s.f1, s.precision, s.recall, page.id, page.site, page.articles,
                    page.titleRight.map { $0 ? "ok" : "wrong" } ?? "-",
                    String(page.extracted.prefix(300)).replacingOccurrences(of: "\n", with: " ⏎ "),
                    String(page.gold.prefix(300)).replacingOccurrences(of: "\n", with: " ⏎ "))
            }.joined(separator: "\n")
        }
    }

    /// Cleans each record's `wet_text` and scores the joined article text against `goldField`.
    public static func evaluate(
        _ records: [[String: Any]], goldField: String, titleField: String? = nil
    ) -> Summary {
        let cleaner = PageCleaner()
        var results: [PageResult] = []
        for r in records {
            guard let text = r["wet_text"] as? String, let gold = r[goldField] as? String else { continue }
            let record = cleaner.clean(Array(text.utf8)).record
            let articles = record?.articles ?? []
            let extracted = articles.map(\.text).joined(separator: "\n")
            var titleRight: Bool?
            if let field = titleField, let want = r[field] as? String {
                let got = articles.first?.title ?? record?.title
                titleRight =
                    got.map { TruthComparison.withoutWhitespace($0) } == TruthComparison.withoutWhitespace(want)
            }
            results.append(
                PageResult(
                    id: "\(r["id"] ?? "?")", site: "\(r["site"] ?? "")",
                    score: ExtractionScore(extracted: extracted, gold: gold),
                    articles: articles.count, titleRight: titleRight, extracted: extracted, gold: gold))
        }
        return Summary(pages: results)
    }
}
