import Foundation
import Testing
import Winnow
import WinnowTesting

/// Quality filters and language identification on third-party text in `../shared/data`
/// (issue 6's evidence; read at test time, never copied into the repository).
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data (set WINNOW_SHARED_DATA); skipped"))
struct QualityAccuracyTests {
    /// The outcome and language of each text, as `winnow run` would see it.
    private func outcomes(_ texts: [String]) -> [(QualityEvaluation.Outcome, String)] {
        texts.map { text in
            let outcome = QualityEvaluation.outcome(text)
            var quality = QualitySignals()
            let language =
                PageCleaner().clean(Array(text.utf8)).record?.articles.first.map {
                    quality.signals(of: $0).language
                } ?? "none"
            return (outcome, language)
        }
    }

    private func texts(_ path: String, field: String) throws -> [String] {
        try SharedData.records(path).compactMap { $0[field] as? String }.filter { !$0.isEmpty }
    }

    @Test func cleanNewsPassesAndIsChinese() throws {
        let news = try texts(SharedData.newsArticles, field: "body")
        let results = outcomes(news)
        let kept = results.filter { $0.0.isKept }.count
        let chinese = results.filter { $0.1 == "zh" }.count
        let rate = Double(kept) / Double(news.count)
        print("clean CCTV news: \(kept)/\(news.count) kept (\(String(format: "%.2f", rate * 100))%), zh \(chinese)")
        #expect(rate >= 0.99)
        #expect(Double(chinese) / Double(news.count) >= 0.995)
    }

    /// Gold main texts and THUCNews: most pass; the rest are printed with their reason (the
    /// drops seen: Lorem-ipsum placeholders and articles their source repeats in full).
    @Test func goldTextsMostlyPass() throws {
        var table: [String: [String: Int]] = [:]
        for (name, path, field) in [
            ("THUCNews", "thucnews-cnews-1k/articles.jsonl", "text"),
            ("zh gold", "zh-web-pages-fixtures/pages.jsonl.gz", "gold_main_text"),
            ("en gold", "en-web-pages-fixtures/pages.jsonl.gz", "gold_main_text"),
        ] {
            for (outcome, _) in outcomes(try texts(path, field: field)) {
                table[name, default: [:]][outcome.description, default: 0] += 1
            }
        }
        for (name, row) in table.sorted(by: { $0.key < $1.key }) { print("\(name): \(row.sorted { $0.key < $1.key })") }
        let all = table.values.flatMap(\.values).reduce(0, +)
        let kept = table.values.compactMap { $0["kept"] }.reduce(0, +)
        #expect(Double(kept) / Double(all) >= 0.93)
    }

    /// Language identification, held out (no training data was drawn from these sets).
    ///
    /// The English set's label is the set's, not the page's: reading the texts Winnow did
    /// not call English (2026-11-27) found about 60 that are not English (Turkish,
    /// Indonesian, Portuguese, German, Polish, Italian, Spanish, French, Arabic pages, and
    /// Lorem-ipsum placeholders) and 4 English ones missed. The bound holds that level.
    @Test func languageAccuracy() throws {
        let weibo = try texts("clue-emotion2020-weibo/posts.jsonl", field: "text")
        let english = try texts("en-web-pages-fixtures/pages.jsonl.gz", field: "gold_main_text")
        let thuc = try texts("thucnews-cnews-1k/articles.jsonl", field: "text")
        var quality = QualitySignals()
        func accuracy(_ texts: [String], _ language: String) -> Double {
            let right = texts.filter { text in
                quality.signals(of: Article(id: "x", paragraphs: text.split(separator: "\n").map(String.init))).language
                    == language
            }.count
            return Double(right) / Double(texts.count)
        }
        let zhWeibo = accuracy(weibo, "zh")
        let zhNews = accuracy(thuc, "zh")
        let en = accuracy(english, "en")
        print(
            "language id: zh THUCNews \(String(format: "%.4f", zhNews)), zh Weibo \(String(format: "%.4f", zhWeibo)), "
                + "en gold pages \(String(format: "%.4f", en))")
        #expect(zhNews >= 0.99)
        #expect(zhWeibo >= 0.95)
        #expect(en >= 0.75)
    }
}
