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
        var lines: [String] = []
        var truth: [String: Int] = [:]
        for (index, source) in sources.enumerated() {
            for copy in 0..<Int.random(in: 1...3, using: &rng) {
                let article = copy == 0 ? source : NearDuplicates.variant(of: source, using: &rng)
                let page = generator.page(articles: [article])
                let id = "s\(index)c\(copy)"
                truth[id + "#1"] = index
                let data = try JSONSerialization.data(withJSONObject: ["id": id, "text": page.text])
                lines.append(String(decoding: data, as: UTF8.self))
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-neardup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("corpus.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let out = dir.appendingPathComponent("out").path
        _ = try CorpusRun(configuration: RunConfiguration(inputs: [input.path], outputDirectory: out, jobs: 2)).run()
        _ = try Deduplicator(configuration: DedupConfiguration(runDirectory: out, jobs: 2)).run()
        var survivorOf: [String: String] = [:]
        var similarityOf: [String: Double] = [:]
        for line in try ShellRunner.run("gzip -dc '\(out)/dedup/dups/part-00000.jsonl.gz'").split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let id = object["id"] as? String, let of = object["dup_of"] as? String {
                survivorOf[id] = of
                similarityOf[id] = object["similarity"] as? Double
            }
        }
        func cluster(_ id: String) -> String { survivorOf[id] ?? id }
        let ids = truth.keys.sorted()
        var truePairs = 0
        var foundPairs = 0
        var correct = 0
        for (i, a) in ids.enumerated() {
            for b in ids[(i + 1)...] {
                let same = truth[a] == truth[b]
                let found = cluster(a) == cluster(b)
                truePairs += same ? 1 : 0
                foundPairs += found ? 1 : 0
                correct += same && found ? 1 : 0
            }
        }
        let precision = Double(correct) / Double(max(1, foundPairs))
        let recall = Double(correct) / Double(max(1, truePairs))
        print(
            "dedup on generated near-duplicates: \(ids.count) articles, \(truePairs) duplicate pairs; "
                + "precision \(String(format: "%.4f", precision)), recall \(String(format: "%.4f", recall))")
        let wrong = survivorOf.filter { truth[$0.key] != truth[$0.value] }
        for (id, of) in wrong.sorted(by: { $0.key < $1.key }).prefix(5) {
            print("  merged different sources: \(id) -> \(of), similarity \(similarityOf[id] ?? -1)")
        }
        #expect(precision >= 0.98)
        #expect(recall >= 0.98)
    }
}
