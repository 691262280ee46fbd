import Foundation
import Testing
import WinnowTesting

/// `[signals] enabled = false` / `--no-signals`: extraction alone, nothing filtered, the same
/// articles; and the baseline the signals' cost is measured against (BENCHMARKS.md).
@Suite struct SignalsSwitchTests {
    /// One page that passes the filters, one made of repeated lines, one too short.
    static let input: [UInt8] = BadInputTests.jsonl([
        #"{"id":"good","text":"\#(BadInputTests.page)"}"#,
        #"{"id":"repeated","text":"\#(String(repeating: "今天天气很好。 ", count: 40))"}"#,
        #"{"id":"short","text":"好的文章内容。"}"#,
    ])

    struct Outcome {
        var articles: [[String: Any]]
        var filtered: [[String: Any]]
        var totals: [String: Any]
        var configHash: String
    }

    static func run(_ extra: [String], config: String? = nil) throws -> Outcome {
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("in.jsonl")
        try Data(input).write(to: file)
        var arguments = extra
        if let config {
            let path = dir.appendingPathComponent("winnow.toml")
            try Data(config.utf8).write(to: path)
            arguments += ["--config", path.path]
        }
        let out = dir.appendingPathComponent("out")
        let r = try BinaryRunner.run(["run", file.path, "-o", out.path, "-q"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        func records(_ kind: String) throws -> [[String: Any]] {
            try RunCommandTests.lines(out, kind).map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
        let manifest = try RunCommandTests.manifest(out)
        return Outcome(
            articles: try records("articles"), filtered: try records("filtered"),
            totals: try #require(manifest["totals"] as? [String: Any]),
            configHash: try #require(manifest["config_hash"] as? String))
    }

    static func texts(_ records: [[String: Any]]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: records.map { ($0["id"] as? String ?? "", $0["text"] as? String ?? "") })
    }

    @Test func offMeansNoSignalsAndNothingFiltered() throws {
        let on = try Self.run([])
        let off = try Self.run(["--no-signals"])
        #expect(on.filtered.count >= 2, "the repeated and the short page are filtered with signals on")
        #expect(on.articles.allSatisfy { $0["signals"] != nil && $0["lang"] != nil })
        #expect(off.filtered.isEmpty)
        #expect(off.totals["articles_filtered"] as? Int == 0)
        #expect(on.totals["articles_filtered"] as? Int == on.filtered.count)
        #expect(off.articles.allSatisfy { $0["signals"] == nil && $0["lang"] == nil && $0["lang_score"] == nil })
        // The same articles, with the same text: the kept ones and the filtered ones.
        let all = Self.texts(on.articles).merging(Self.texts(on.filtered)) { a, _ in a }
        #expect(Self.texts(off.articles) == all)
        #expect(on.configHash != off.configHash, "a run must not resume into output made the other way")
    }

    @Test func theConfigFileSwitchesThemOffToo() throws {
        let flag = try Self.run(["--no-signals"])
        let file = try Self.run([], config: "[signals]\nenabled = false\n")
        #expect(Self.texts(file.articles) == Self.texts(flag.articles))
        #expect(file.configHash == flag.configHash)
        #expect(file.articles.allSatisfy { $0["signals"] == nil })
    }
}
