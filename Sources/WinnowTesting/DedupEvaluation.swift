import Foundation
public import Winnow

/// Runs `winnow run` and `winnow dedup` (through the library) on JSONL records with known
/// duplicate truth, and scores duplicate pairs.
public struct DedupEvaluation {
    /// The run's output directory (removed by ``cleanUp()``).
    public let output: String
    public let summary: Deduplicator.Summary
    /// Each removed article's survivor id, and its similarity estimate.
    public let survivorOf: [String: String]
    public let similarityOf: [String: Double]
    private let directory: URL

    /// Writes `records` (`id`, `text`) as JSONL, runs and deduplicates them.
    ///
    /// Quality filters are off: dedup is scored on every article, and synthetic articles
    /// drawn from a small pool of sentences repeat themselves more than real text does.
    public init(records: [(id: String, text: String)]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-dedup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lines = try records.map { record in
            String(
                decoding: try JSONSerialization.data(withJSONObject: ["id": record.id, "text": record.text]),
                as: UTF8.self)
        }
        let input = directory.appendingPathComponent("corpus.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        output = directory.appendingPathComponent("out").path
        var configuration = RunConfiguration(inputs: [input.path], outputDirectory: output, jobs: 2)
        configuration.filters.enabled = false
        _ = try CorpusRun(configuration: configuration).run()
        summary = try Deduplicator(configuration: DedupConfiguration(runDirectory: output, jobs: 2)).run()
        var survivors: [String: String] = [:]
        var similarities: [String: Double] = [:]
        for line in try ShellRunner.run("gzip -dc '\(output)/dedup/dups/part-00000.jsonl.gz'").split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let of = object["dup_of"] as? String
            else { continue }
            survivors[id] = of
            similarities[id] = object["similarity"] as? Double
        }
        survivorOf = survivors
        similarityOf = similarities
    }

    /// The cluster (survivor id) of article `id`.
    public func cluster(_ id: String) -> String { survivorOf[id] ?? id }

    /// Precision and recall of duplicate pairs against `truth` (article id → source).
    public func score(truth: [String: Int]) -> (precision: Double, recall: Double, truePairs: Int) {
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
        return (Double(correct) / Double(max(1, foundPairs)), Double(correct) / Double(max(1, truePairs)), truePairs)
    }

    public func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}
