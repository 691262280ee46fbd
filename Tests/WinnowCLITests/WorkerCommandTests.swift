import Foundation
import Testing
import WinnowTesting

/// `winnow worker`: the per-task side of the Spark job (integrations/spark).
///
/// What it writes
/// must be what `winnow run` and `winnow dedup` write, framed so that any text survives.
@Suite struct WorkerCommandTests {
    /// Output lines split into (tag, payload).
    struct Line {
        var tag: String
        var payload: String
    }

    static func framed(_ stdout: String) -> [Line] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { (line: Substring) -> Line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return Line(tag: String(parts[0]), payload: parts.count > 1 ? String(parts[1]) : "")
        }
    }

    @Test func cleanWritesTheRecordsOfWinnowRun() throws {
        let input = try RunCommandTests.corpus(pages: 40)
        let file = input.appendingPathComponent("b.warc.wet.gz").path
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", file, "-o", out.path, "-q"]).status == 0)
        let r = try BinaryRunner.run(["worker", "clean", "--source", file, file])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = Self.framed(r.stdoutText)
        #expect(lines.last?.tag == "END")
        for (tag, kind) in [("A", "articles"), ("P", "pages"), ("R", "rejects"), ("F", "filtered")] {
            let expected = try RunCommandTests.lines(out, kind)
            let payloads: [String] = lines.filter { (line: Line) in line.tag == tag }.map { (line: Line) in line.payload
            }
            #expect(payloads == expected, "\(kind)")
        }
        let end = try #require(
            try JSONSerialization.jsonObject(with: Data((lines.last?.payload ?? "").utf8)) as? [String: Any])
        let counts = try #require(end["counts"] as? [String: Any])
        #expect(counts["records_in"] as? Int == 40)
        #expect(end["format"] as? String == "wet")
    }

    /// Line and paragraph separators, CR and tabs in a page do not break a line.
    @Test func framingSurvivesAnyText() throws {
        let odd = "换行\u{2028}分隔\u{85}下一行\r回车\t制表符。这是一段用来检验分帧的正文，句子要足够长才能成为文章。"
        let record = try JSONSerialization.data(withJSONObject: [
            "id": "odd", "text": "标题\n" + odd + "第二段讲的是完全不同的事情，比如今天的天气很好，适合出门散步。",
        ])
        let r = try BinaryRunner.run(["worker", "clean"], stdin: record + Data("\n{\"text\": \"cut\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = Self.framed(r.stdoutText)
        #expect(lines.map { (line: Line) in line.tag } == ["A", "P", "R", "END"])
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.payload.utf8))) != nil, "\(line.payload)")
        }
        // The separators stay in the text, raw (JSON needs no escape for them).
        #expect(lines.first?.payload.contains("\u{2028}") == true)
    }

    /// The dedup steps: a signature is a copy of itself and not of an unrelated article; a
    /// malformed line fails the worker with its line number.
    @Test func verifyJudgesPairsAndRefusesMalformedLines() throws {
        let input = try RunCommandTests.corpus(pages: 20)
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"]).status == 0)
        let articles = try RunCommandTests.lines(out, "articles")
        let r = try BinaryRunner.run(
            ["worker", "dedup", "signatures"], stdin: Data(articles.joined(separator: "\n").utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let signatureLines = Self.framed(r.stdoutText).filter { $0.tag == "S" }
        let signatures: [[String]] = signatureLines.map { line in
            line.payload.split(separator: "\t").map { String($0) }
        }
        #expect(signatures.count == articles.count)
        let first = try #require(signatures.first)
        #expect(first.count == 7)
        #expect(first[4].split(separator: ",").count == 42)
        // An article of a different sample: unequal exact hash and length.
        let other = try #require(
            signatures.first { (fields: [String]) in fields[3] != first[3] && fields[1] != first[1] })
        let pairs = "\(first[5])\t\(first[5])\n\(first[5])\t\(other[5])\n"
        let v = try BinaryRunner.run(["worker", "dedup", "verify"], stdin: Data(pairs.utf8))
        let verdicts: [String] = Self.framed(v.stdoutText).map { (line: Line) in line.tag + " " + line.payload }
        #expect(verdicts.prefix(2) == ["V 1", "V 0"])
        let bad = try BinaryRunner.run(["worker", "dedup", "verify"], stdin: Data("\(first[5])\tzz\n".utf8))
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("line 1"), "\(bad.stderr)")
    }
}
