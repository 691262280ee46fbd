import Foundation
import Testing
import Winnow
import WinnowTesting

/// Accuracy on third-party text in `../shared/data` (read at test time, never copied into
/// the repository).
///
/// Disabled, with this reason, when the data is absent.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data (set WINNOW_SHARED_DATA); skipped"))
struct SharedDataAccuracyTests {
    /// 2,000 farm pages generated from real CCTV news: at least 99% must give back every
    /// article's text exactly (ignoring whitespace) with all metadata right.
    @Test func generatedFarmPagesFromRealNews() throws {
        let records = try SharedData.records(SharedData.newsArticles)
        let articles = records.compactMap { r -> FarmPageGenerator.SourceArticle? in
            guard let title = r["title"] as? String, let body = r["body"] as? String else { return nil }
            let paragraphs = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            return paragraphs.isEmpty ? nil : .init(title: title, paragraphs: paragraphs)
        }
        try #require(articles.count >= 2_000)
        var generator = FarmPageGenerator(seed: 2024)
        var rng = SplitMix64(seed: 99)
        var exact = 0
        var failures: [String] = []
        var byFamily: [String: (ok: Int, all: Int)] = [:]
        let pages = 2_000
        for k in 0..<pages {
            let count = Int.random(in: 1...3, using: &rng)
            let chosen = (0..<count).map { _ in articles[Int.random(in: 0..<articles.count, using: &rng)] }
            let page = generator.page(articles: chosen)
            let record = PageCleaner().clean(Array(page.text.utf8)).record
            let diff = record.map { TruthComparison.differences($0, page.truth) } ?? ["rejected"]
            let family = page.truth.noiseFamily.name
            byFamily[family, default: (0, 0)].all += 1
            if diff.isEmpty {
                exact += 1
                byFamily[family, default: (0, 0)].ok += 1
            } else {
                if let dump = ProcessInfo.processInfo.environment["WINNOW_DUMP_FAILURES"] {
                    try? page.text.write(toFile: "\(dump)/cctv-page-\(k).txt", atomically: true, encoding: .utf8)
                }
                failures.append("page \(k) (\(family), period \(page.truth.period)): \(diff.joined(separator: "; "))")
            }
        }
        let rate = Double(exact) / Double(pages)
        print("generated farm pages from CCTV news: \(exact)/\(pages) exact (\(String(format: "%.2f", rate * 100))%)")
        for (family, counts) in byFamily.sorted(by: { $0.key < $1.key }) {
            print("  \(family): \(counts.ok)/\(counts.all)")
        }
        for failure in failures.prefix(15) { print("  " + failure.prefix(300)) }
        #expect(rate >= 0.99, "\(exact)/\(pages) pages exact")
    }

    /// Real Weibo posts, each cleaned as a one-paragraph page: at least 99.5% of their emoji
    /// must be kept.
    @Test func realEmojiAreKept() throws {
        var total = 0
        var removed = 0
        var examples: [String] = []
        for file in SharedData.weiboPosts {
            for r in try SharedData.records(file) {
                guard let text = r["text"] as? String else { continue }
                let emojiCount = EmojiCounter.count(text)
                guard emojiCount > 0 else { continue }
                total += emojiCount
                guard let record = PageCleaner().clean(Array(text.utf8)).record else {
                    removed += emojiCount
                    continue
                }
                let kept = EmojiCounter.count(
                    record.articles.map(\.text).joined() + record.links.map(\.title).joined()
                        + (record.title ?? ""))
                if kept < emojiCount {
                    removed += emojiCount - kept
                    examples.append(text)
                }
            }
        }
        let keptRate = Double(total - removed) / Double(max(1, total))
        print("Weibo emoji kept: \(total - removed)/\(total) (\(String(format: "%.2f", keptRate * 100))%)")
        for e in examples.prefix(10) { print("  lost in: \(e.prefix(120))") }
        #expect(total > 500)
        #expect(keptRate >= 0.995)
    }
}

/// Counts emoji (pictographs and regional indicators) in a string, for the keep-rate tests.
enum EmojiCounter {
    static func count(_ s: String) -> Int {
        s.unicodeScalars.filter { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0xFF) }
            .filter { !(0xFE00...0xFE0F).contains($0.value) && !(0x1F3FB...0x1F3FF).contains($0.value) }.count
    }
}
