import Foundation
import Testing
import Winnow
import WinnowTesting

/// Conservation under random faults: for random corpora whose records and files are
/// damaged at random, every record read is a page or a reject with its reason, per input
/// and in total, and the outputs hold exactly the lines the manifest counts.
@Suite struct FaultConservationTests {
    @Test(arguments: [UInt64(11), 12, 13])
    func everyRecordIsAPageOrARejectUnderRandomFaults(seed: UInt64) throws {
        let dir = try RunCommandTests.temporaryDirectory()
        var corpus = FaultyCorpus(seed: seed)
        let files = try corpus.write(to: dir)
        let out = dir.appendingPathComponent("out")
        let r = try BinaryRunner.run(
            ["run"] + files.map { dir.appendingPathComponent($0.name).path } + [
                dir.appendingPathComponent("missing.jsonl").path, "-o", out.path, "-q", "--max-record-bytes", "4096",
            ])
        // A damaged file and the missing one fail the run; every other file is read.
        #expect(r.status == 1, "seed \(seed): \(r.stderr)")
        #expect(r.stderr.contains("missing.jsonl: no such file"), "seed \(seed)")

        let manifest = try RunCommandTests.manifest(out)
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        try #require(inputs.count == files.count + 1)
        var pages = 0
        var rejected = 0
        for (file, entry) in zip(files, inputs) {
            let counts = try #require(entry["counts"] as? [String: Any])
            let recordsIn = counts["records_in"] as? Int ?? -1
            let pagesOut = counts["pages_out"] as? Int ?? -1
            let rejects = counts["rejected"] as? Int ?? -1
            // Reasons count rejected records, and also filtered articles and removed spans.
            let allReasons = counts["reasons"] as? [String: Int] ?? [:]
            let reasons = allReasons.filter { !$0.key.hasPrefix("removed_") && !$0.key.hasPrefix("filtered_") }
            let filtered = allReasons.filter { $0.key.hasPrefix("filtered_") }.values.reduce(0, +)
            let label = "seed \(seed) \(file.name)"
            #expect(filtered == counts["articles_filtered"] as? Int, "\(label)")
            #expect(recordsIn == pagesOut + rejects, "\(label)")
            #expect(reasons.values.reduce(0, +) == rejects, "\(label): \(reasons)")
            #expect(counts["conserved"] as? Bool == true, "\(label)")
            if file.isTruncated {
                // The records before the cut member are kept; the file is reported.
                #expect(recordsIn == file.records - 1, "\(label)")
                #expect((entry["error"] as? String)?.contains("cut short") == true, "\(label): \(entry["error"] ?? "")")
            } else {
                #expect(recordsIn == file.records, "\(label)")
                #expect(entry["error"] is NSNull, "\(label): \(entry["error"] ?? "")")
                // Every fault the generator knows the reason of is rejected with it.
                for (reason, count) in file.rejects { #expect(reasons[reason] == count, "\(label): \(reason)") }
            }
            pages += pagesOut
            rejected += rejects
        }
        let totals = try #require(manifest["totals"] as? [String: Any])
        #expect(totals["records_in"] as? Int == pages + rejected, "seed \(seed)")
        #expect(totals["conserved"] as? Bool == true, "seed \(seed)")
        #expect(try RunCommandTests.lines(out, "pages").count == pages, "seed \(seed)")
        let rejectLines = try RunCommandTests.lines(out, "rejects")
        #expect(rejectLines.count == rejected, "seed \(seed)")
        for line in rejectLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["source"] is String && object["reason"] is String && object["line"] is Int, "\(line)")
        }
        let articles = totals["articles"] as? Int ?? -1
        #expect(
            articles == (totals["articles_kept"] as? Int ?? -1) + (totals["articles_filtered"] as? Int ?? -1),
            "seed \(seed)")
        #expect(try RunCommandTests.lines(out, "articles").count == totals["articles_kept"] as? Int, "seed \(seed)")
    }
}

/// Random input files in every format `winnow run` reads, with random record faults whose
/// reject reason is known, and file faults (a cut last member, bytes after the last one).
struct FaultyCorpus {
    struct File {
        var name: String
        /// Records written (JSON lines that are not blank, WET conversion records, a page).
        var records: Int
        /// Records written with a fault, by the reason they must be rejected with.
        var rejects: [String: Int]
        var isTruncated = false
    }

    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let sentences = [
        "城市图书馆夜间开放一周年。", "一年过去，夜间到馆人数翻了一倍。", "The library opened at night a year ago.",
        "新区的公交线路今天起调整，共有十二条线路受到影响。", "记者从市气象台获悉，本周末将迎来降温。",
    ]

    /// Faults of one JSON Lines record, each with the reason it is rejected for.
    static let recordFaults: [(line: String, reason: String)] = [
        (#"{"text":"城市"#, "json_invalid"),
        (#"{"id":"x","body":"无正文"}"#, "missing_text_field"),
        (#"{"text":42}"#, "text_not_string"),
        (#"{"text":"甲","text":"乙"}"#, "json_duplicate_key"),
        (#"{"text":"a\ud800b"}"#, "json_lone_surrogate"),
        (#"{"text":""}"#, "empty"),
        (#"["text"]"#, "json_not_object"),
        (#"{"text":""# + String(repeating: "长", count: 2_000) + #""}"#, "too_long"),
    ]

    private mutating func goodText() -> String {
        (0..<Int(1 + random.next() % 6)).map { _ in random.pick(Self.sentences) }.joined()
    }

    /// JSON Lines with faults at random, blank lines and CRLF endings.
    private mutating func jsonLines(count: Int) -> (lines: [[UInt8]], rejects: [String: Int]) {
        var lines: [[UInt8]] = []
        var rejects: [String: Int] = [:]
        for k in 0..<count {
            if random.chance(0.3) {
                let fault = random.pick(Self.recordFaults)
                lines.append(Array((fault.line + "\n").utf8))
                rejects[fault.reason, default: 0] += 1
            } else {
                lines.append(
                    Array(#"{"id":"r\#(k)","text":"\#(goodText())"}"#.utf8) + (random.chance(0.2) ? [13, 10] : [10]))
            }
            if random.chance(0.1) { lines[lines.count - 1] += Array(" \n".utf8) }  // a blank line
        }
        return (lines, rejects)
    }

    /// Writes the files into `dir`; the last gzip member of some is cut short, and some have
    /// bytes after their last member.
    mutating func write(to dir: URL) throws -> [File] {
        var files: [File] = []
        for k in 0..<6 {
            let count = Int(3 + random.next() % 25)
            var members: [[UInt8]]
            var file: File
            switch k % 3 {
            case 0:
                let (lines, rejects) = jsonLines(count: count)
                try Data(lines.joined()).write(to: dir.appendingPathComponent("f\(k).jsonl"))
                files.append(File(name: "f\(k).jsonl", records: count, rejects: rejects))
                continue
            case 1:
                let (lines, rejects) = jsonLines(count: count)
                members = lines
                file = File(name: "f\(k).jsonl.gz", records: count, rejects: rejects)
            default:
                members = (0..<count).map { n in
                    let body = Array(goodText().utf8)
                    return Array(
                        ("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.test/\(n)\r\n"
                            + "Content-Length: \(body.count)\r\n\r\n").utf8) + body + Array("\r\n\r\n".utf8)
                }
                file = File(name: "f\(k).warc.wet.gz", records: count, rejects: [:])
            }
            var bytes = try Self.gzipMembers(members)
            if random.chance(0.5) {
                // Cut the last member to half its length: its record is lost, the file reported.
                let last = try Self.gzipMembers([members[members.count - 1]]).count
                bytes.removeLast(last - last / 2)
                file.isTruncated = true
            } else if random.chance(0.5) {
                bytes += Array("\n\n".utf8)  // a few stray bytes: a warning, records kept
            }
            try Data(bytes).write(to: dir.appendingPathComponent(file.name))
            files.append(file)
        }
        return files
    }

    /// Each piece as its own gzip member (gzip -n, so the bytes do not depend on the time).
    static func gzipMembers(_ pieces: [[UInt8]]) throws -> [UInt8] {
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (k, piece) in pieces.enumerated() { try Data(piece).write(to: dir.appendingPathComponent("\(k)")) }
        _ = try ShellRunner.run(
            "cd '\(dir.path)' && gzip -n \((0..<pieces.count).map(String.init).joined(separator: " "))")
        return try (0..<pieces.count).flatMap { Array(try Data(contentsOf: dir.appendingPathComponent("\($0).gz"))) }
    }
}
