import Foundation
import Testing
import Winnow
import WinnowTesting

/// Dedup precision and recall on generated near-duplicates with truth.
///
/// Synthetic articles share sentences with each other; each is reposted 1–3 times as a
/// disguised variant. Runs everywhere (no shared data needed). Precision is held to 0.98
/// here, not 0.99: the synthetic articles draw their sentences from a pool of about seventy,
/// so some distinct articles really do share most of their text (the real-news test holds
/// 0.99).
@Suite struct GeneratedNearDuplicateTests {
    @Test func precisionAndRecallOnSyntheticCopies() throws {
        let sources = NearDuplicates.syntheticArticles(count: 300, seed: 41)
        var rng = SplitMix64(seed: 42)
        var generator = FarmPageGenerator(seed: 43)
        var records: [(id: String, text: String)] = []
        var truth: [String: Int] = [:]
        for (index, source) in sources.enumerated() {
            for copy in 0..<Int.random(in: 1...3, using: &rng) {
                let article = copy == 0 ? source : NearDuplicates.variant(of: source, using: &rng)
                let page = generator.page(articles: [article])
                let id = "s\(index)c\(copy)"
                truth[id + "#1"] = index
                records.append((id, page.text))
            }
        }
        let evaluation = try DedupEvaluation(records: records)
        defer { evaluation.cleanUp() }
        let (precision, recall, truePairs) = evaluation.score(truth: truth)
        print(
            "dedup on generated near-duplicates: \(truth.count) articles, \(truePairs) duplicate pairs; "
                + "precision \(String(format: "%.4f", precision)), recall \(String(format: "%.4f", recall))")
        let wrong = evaluation.survivorOf.filter { truth[$0.key] != truth[$0.value] }
        for (id, of) in wrong.sorted(by: { $0.key < $1.key }).prefix(5) {
            print("  merged different sources: \(id) -> \(of), similarity \(evaluation.similarityOf[id] ?? -1)")
        }
        #expect(precision >= 0.98)
        #expect(recall >= 0.98)
    }
}
