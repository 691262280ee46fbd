import Foundation
import Testing
import Winnow
import WinnowTesting

/// The multi-threaded paths in one process, at several thread counts.
///
/// The corpus run (``CorpusRun``, batches cleaned on worker threads), dedup
/// (``Deduplicator``, shards in parallel) and the worker (``CleanWorker``): same bytes at every thread count; `.ci/run`
/// also runs this suite under ThreadSanitizer, three times.
@Suite struct ConcurrencyTests {
    /// A generated corpus with near-duplicates: a JSONL file and a WET file.
    static func corpus(in directory: URL) throws -> [String] {
        var paths: [String] = []
        for (format, name) in [(FarmCorpus.Format.jsonl, "a.jsonl"), (.wet, "b.warc.wet")] {
            var bytes: [UInt8] = []
            FarmCorpus.write(format: format, pages: 120, seed: 7, sources: 40, gzip: false) { bytes += $0 }
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            paths.append(url.path)
        }
        return paths
    }

    /// Every output file of a run and its dedup, by path relative to the output directory.
    static func outputs(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: directory)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.path.dropFirst(root.path.count))
            guard relative.hasSuffix(".jsonl.gz") else { continue }
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func runAndDedupGiveTheSameBytesAtAnyThreadCount() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-conc-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs = try Self.corpus(in: directory)
        var results: [[String: Data]] = []
        for jobs in [1, 4] {
            let output = directory.appendingPathComponent("out-\(jobs)").path
            var configuration = RunConfiguration(inputs: inputs, outputDirectory: output, jobs: jobs)
            configuration.batchRecords = 16
            let summary = try CorpusRun(configuration: configuration).run()
            #expect(summary.totals.recordsIn == 240)
            let dedup = try Deduplicator(configuration: DedupConfiguration(runDirectory: output, jobs: jobs)).run()
            #expect(dedup.articles == dedup.kept + dedup.exactDuplicates + dedup.nearDuplicates)
            #expect(dedup.nearDuplicates > 0)
            results.append(try Self.outputs(output))
        }
        #expect(results[0].count >= 8)
        #expect(results[0] == results[1])
    }

    @Test func workerGivesTheSameBytesAtAnyThreadCount() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-conc-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.corpus(in: directory)[1]
        var outputs: [[UInt8]] = []
        for jobs in [1, 4] {
            var configuration = RunConfiguration(inputs: [input], outputDirectory: "", jobs: jobs)
            configuration.batchRecords = 8
            var bytes: [UInt8] = []
            let outcome = try CleanWorker.run(path: input, source: "b", configuration: configuration) { bytes += $0 }
            #expect(outcome.counts.recordsIn == 120)
            outputs.append(bytes)
        }
        #expect(outputs[0].count > 10_000)
        #expect(outputs[0] == outputs[1])
    }
}
