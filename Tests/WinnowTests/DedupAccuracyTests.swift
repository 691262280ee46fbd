import Foundation
import Testing
import Winnow
import WinnowTesting

/// Near-duplicate detection on disguised copies of real news: each source article is
/// reposted 1–4 times on farm pages (new noise, bylines, footers, neighbours), some copies
/// with a sentence edited or a paragraph cut; the rest of the corpus is unrelated news.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data (set WINNOW_SHARED_DATA); skipped"))
struct DedupAccuracyTests {
    @Test func disguisedCopiesAreFoundAndOthersKept() throws {
        let news = try SharedData.records(SharedData.newsArticles)
        let sources = news.prefix(1200).compactMap { r -> FarmPageGenerator.SourceArticle? in
            guard let title = r["title"] as? String, let body = r["body"] as? String else { return nil }
            let paragraphs = body.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            // Very short items are one-line announcements; too short to call copies by text.
            return paragraphs.joined().count >= 200 ? .init(title: title, paragraphs: paragraphs) : nil
        }
        var rng = SplitMix64(seed: 77)
        var generator = FarmPageGenerator(seed: 78)
        var records: [(id: String, text: String)] = []
        var truth: [String: Int] = [:]  // article id -> source index
        var pageNumber = 0
        for (index, source) in sources.enumerated() {
            let copies = Int.random(in: 1...4, using: &rng)
            for copy in 0..<copies {
                var variant = source
                if copy > 0, rng.chance(0.3), variant.paragraphs.count >= 4 {
                    variant.paragraphs.remove(at: Int.random(in: 0..<variant.paragraphs.count, using: &rng))
                }
                if copy > 0, rng.chance(0.3), let k = variant.paragraphs.indices.randomElement(using: &rng) {
                    variant.paragraphs[k] =
                        String(variant.paragraphs[k].prefix(max(0, variant.paragraphs[k].count - 6))) + "，据了解。"
                }
                // Sometimes a second, unrelated article shares the page.
                var articles = [variant]
                if rng.chance(0.3) { articles.append(sources[(index + 500) % sources.count]) }
                let page = generator.page(articles: articles)
                let id = "p\(pageNumber)"
                pageNumber += 1
                truth[id + "#1"] = index
                if articles.count > 1 { truth[id + "#2"] = (index + 500) % sources.count }
                records.append((id, page.text))
            }
        }
        let evaluation = try DedupEvaluation(records: records)
        defer { evaluation.cleanUp() }
        let summary = evaluation.summary
        let ids = truth.keys.sorted()
        let cluster = evaluation.cluster
        let out = evaluation.output
        let (precision, recall, truePairs) = evaluation.score(truth: truth)
        print(
            "dedup on disguised copies of CCTV news: \(ids.count) articles, \(truePairs) duplicate pairs; "
                + "precision \(String(format: "%.4f", precision)), recall \(String(format: "%.4f", recall)); "
                + "kept \(summary.kept), exact \(summary.exactDuplicates), near \(summary.nearDuplicates)")
        if let dump = ProcessInfo.processInfo.environment["WINNOW_DUMP_FAILURES"] {
            var clusters: [String: [String]] = [:]
            for id in ids { clusters[cluster(id), default: []].append(id) }
            var report = ""
            for (root, members) in clusters where Set(members.map { truth[$0] ?? -1 }).count > 1 {
                report +=
                    "cluster \(root): " + members.map { "\($0)=src\(truth[$0] ?? -1)" }.joined(separator: " ") + "\n"
            }
            try report.write(toFile: dump + "/dedup-wrong.txt", atomically: true, encoding: .utf8)
            var missed = ""
            var bySource: [Int: [String]] = [:]
            for id in ids { bySource[truth[id] ?? -1, default: []].append(id) }
            for (source, members) in bySource where Set(members.map(cluster)).count > 1 {
                missed += "src\(source): " + members.map { "\($0)->\(cluster($0))" }.joined(separator: " ") + "\n"
            }
            try missed.write(toFile: dump + "/dedup-missed.txt", atomically: true, encoding: .utf8)
            _ = try ShellRunner.run("cp -r '\(out)' '\(dump)/dedup-out'")
        }
        #expect(precision >= 0.99)
        #expect(recall >= 0.98)
    }
}
