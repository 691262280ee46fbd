import Foundation
import Testing
import WinnowTesting

/// The fault catalog of research/reliability.md §2 (rows J, U, L, G, W, P that apply to
/// `winnow run`): each input lands in its bucket, never a crash or a hang.
@Suite struct BadInputTests {
    struct Outcome {
        var status: Int32
        var stderr: String
        var recordsIn: Int
        var pagesOut: Int
        var rejected: Int
        var reasons: [String: Int]
        var error: String?
    }

    static let page = "城市图书馆夜间开放一周年。 一年过去，夜间到馆人数翻了一倍。"

    /// Runs `winnow run` on one file holding `bytes`.
    static func run(_ bytes: [UInt8], name: String = "input.jsonl", extra: [String] = []) throws -> Outcome {
        let dir = try RunCommandTests.temporaryDirectory()
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let out = dir.appendingPathComponent("out")
        let r = try BinaryRunner.run(["run", file.path, "-o", out.path, "-q"] + extra)
        let manifest = try RunCommandTests.manifest(out)
        let input = try #require((manifest["inputs"] as? [[String: Any]])?.first)
        let counts = try #require(input["counts"] as? [String: Any])
        let reasons = (counts["reasons"] as? [String: Int] ?? [:]).filter { !$0.key.hasPrefix("removed_") }
        return Outcome(
            status: r.status, stderr: r.stderr, recordsIn: counts["records_in"] as? Int ?? -1,
            pagesOut: counts["pages_out"] as? Int ?? -1, rejected: counts["rejected"] as? Int ?? -1, reasons: reasons,
            error: input["error"] as? String)
    }

    static func jsonl(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) + [0x0A] }

    static let good = #"{"id":"ok","text":"\#(page)"}"#

    @Test(arguments: [
        ("J1 truncated object, next line still read", [#"{"text":"#, good], "json_invalid"),
        ("J1 trailing garbage", [#"{"text":"a"} x"#, good], "json_invalid"),
        ("J2 text missing", [#"{"id":"1","body":"a"}"#, good], "missing_text_field"),
        ("J3 text is a number", [#"{"text":12}"#, good], "text_not_string"),
        ("J3 text is null", [#"{"text":null}"#, good], "text_not_string"),
        ("J3 text is an array", [#"{"text":["a"]}"#, good], "text_not_string"),
        ("J4 duplicate text key", [#"{"text":"a","text":"b"}"#, good], "json_duplicate_key"),
        ("U6 lone high surrogate", [#"{"text":"a\ud800b"}"#, good], "json_lone_surrogate"),
        ("U6 lone low surrogate", [#"{"text":"a\udc00"}"#, good], "json_lone_surrogate"),
        ("U9 raw control character in a string", ["{\"text\":\"a\u{01}b\"}", good], "json_invalid"),
        ("not an object", [#"["text"]"#, good], "json_not_object"),
        ("L6 empty text", [#"{"text":""}"#, good], "empty"),
    ])
    func badRecordIsRejectedWithItsReason(name: String, lines: [String], reason: String) throws {
        let o = try Self.run(Self.jsonl(lines))
        #expect(o.status == 0, "\(name): \(o.stderr)")
        #expect(o.recordsIn == 2, "\(name)")
        #expect(o.pagesOut == 1, "\(name)")
        #expect(o.reasons == [reason: 1], "\(name)")
    }

    @Test func deepNestingIsRejectedWithoutCrashing() throws {
        let deep = #"{"meta":"# + String(repeating: "[", count: 100_000) + #","text":"a"}"#
        let o = try Self.run(Self.jsonl([deep, Self.good]))
        #expect(o.reasons == ["json_too_deep": 1])
        #expect(o.pagesOut == 1)
    }

    @Test func lineEndingsAndBlankLines() throws {
        // L1 CRLF, L2 no final newline, L3 blank lines (not records).
        let bytes = Array((Self.good + "\r\n\n  \n" + Self.good).utf8)
        let o = try Self.run(bytes)
        #expect(o.recordsIn == 2)
        #expect(o.pagesOut == 2)
    }

    @Test func tooLongLineIsStreamedPast() throws {
        let long = #"{"text":""# + String(repeating: "长", count: 20_000) + #""}"#
        let o = try Self.run(Self.jsonl([Self.good, long, Self.good]), extra: ["--max-record-bytes", "4096"])
        #expect(o.recordsIn == 3)
        #expect(o.reasons == ["too_long": 1])
        #expect(o.pagesOut == 2)
    }

    @Test func emptyFileHasNoRecordsAndNoError() throws {
        let o = try Self.run([])
        #expect(o.status == 0)
        #expect(o.recordsIn == 0)
        #expect(o.error == nil)
    }

    @Test func truncatedGzipKeepsTheRecordsBefore() throws {
        // G2: two members, the second cut in half.
        let first = try Self.gzip(Self.jsonl([Self.good, Self.good]))
        let second = try Self.gzip(Self.jsonl([Self.good]))
        let o = try Self.run(first + second.prefix(second.count / 2), name: "cut.jsonl.gz")
        #expect(o.status == 1)
        #expect(o.recordsIn == 2)
        #expect(o.pagesOut == 2)
        #expect(o.error?.contains("cut short") == true)
        #expect(o.stderr.contains("cut.jsonl.gz: gzip member cut short"))
    }

    @Test func corruptGzipIsAFileError() throws {
        var bytes = try Self.gzip(Self.jsonl([Self.good, Self.good, Self.good]))
        bytes[bytes.count / 2] ^= 0xFF
        let o = try Self.run(bytes, name: "bad.jsonl.gz")
        #expect(o.status == 1)
        #expect(o.error != nil)
        #expect(o.recordsIn == o.pagesOut + o.rejected)
    }

    @Test func gzNameThatIsNotGzipIsReadByContent() throws {
        let o = try Self.run(Self.jsonl([Self.good]), name: "plain.jsonl.gz")
        #expect(o.status == 0)
        #expect(o.pagesOut == 1)
    }

    @Test func warcRecordsOfOtherTypesAndBadLengths() throws {
        func record(_ type: String, _ body: String, length: String? = nil) -> String {
            "WARC/1.0\r\nWARC-Type: \(type)\r\nContent-Length: \(length ?? String(body.utf8.count))\r\n\r\n\(body)\r\n\r\n"
        }
        let text =
            record("warcinfo", "software: test") + record("conversion", Self.page)
            + record("conversion", "x", length: "abc") + record("metadata", "k: v") + record("conversion", Self.page)
        let o = try Self.run(Array(text.utf8), name: "x.warc.wet")
        #expect(o.recordsIn == 3)
        #expect(o.pagesOut == 2)
        #expect(o.reasons == ["warc_no_content_length": 1])
    }

    @Test func warcLengthBeyondTheFileIsAFileError() throws {
        let text = "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 999999\r\n\r\nshort"
        let o = try Self.run(Array(text.utf8), name: "y.warc.wet")
        #expect(o.status == 1)
        #expect(o.error?.contains("cut short") == true)
    }

    /// U1: a few bad bytes are replaced and counted; over `--max-bad-utf8` (or the
    /// configuration file's `max_bad_utf8`) the page is rejected as binary.
    @Test func badUTF8ShareDecidesBetweenReplacingAndRejecting() throws {
        // 3 of about 95 bytes (3%) are lone continuation bytes.
        let page = Array(Self.page.utf8) + [0x80, 0x80, 0x80] + Array("\n".utf8)
        let lenient = try Self.run(page, name: "page.txt")
        #expect(lenient.pagesOut == 1)
        let strict = try Self.run(page, name: "page.txt", extra: ["--max-bad-utf8", "0.02"])
        #expect(strict.reasons == ["binary": 1])
        let dir = try RunCommandTests.temporaryDirectory()
        let config = dir.appendingPathComponent("winnow.toml")
        try Data("[input]\nmax_bad_utf8 = 0.02\n".utf8).write(to: config)
        let configured = try Self.run(page, name: "page.txt", extra: ["--config", config.path])
        #expect(configured.reasons == ["binary": 1])
        let invalid = try BinaryRunner.run([
            "run", config.path, "-o", dir.appendingPathComponent("x").path, "--max-bad-utf8", "2",
        ])
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("--max-bad-utf8 is a fraction from 0 to 1"))
    }

    @Test func binaryTextPageIsRejected() throws {
        let o = try Self.run([0x00, 0x01, 0x02, 0x68, 0x69] + Array(repeating: 0, count: 100), name: "page.txt")
        #expect(o.recordsIn == 1)
        #expect(o.reasons == ["binary": 1])
    }

    @Test func unreadableInputDoesNotStopTheRun() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        let good = dir.appendingPathComponent("good.jsonl")
        try Data(Self.jsonl([Self.good])).write(to: good)
        let out = dir.appendingPathComponent("out")
        let r = try BinaryRunner.run([
            "run", dir.appendingPathComponent("missing.jsonl").path, good.path, "-o", out.path, "-q",
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing.jsonl: no such file"))
        let totals = try #require(try RunCommandTests.manifest(out)["totals"] as? [String: Any])
        #expect(totals["pages_out"] as? Int == 1)
    }

    /// `bytes` as one gzip member.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] { try FaultyCorpus.gzipMembers([bytes]) }
}

/// G3: bytes after the last gzip member are a warning; every record before them is kept.
@Suite struct TrailingGarbageTests {
    @Test func trailingBytesAfterTheLastMemberAreAWarning() throws {
        let bytes =
            try BadInputTests.gzip(BadInputTests.jsonl([BadInputTests.good, BadInputTests.good]))
            + Array("garbage\n".utf8)
        let o = try BadInputTests.run(bytes, name: "tail.jsonl.gz")
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.pagesOut == 2)
        #expect(o.error == nil)
        #expect(o.stderr.contains("tail.jsonl.gz: warning: ignored 8 bytes after the last gzip member"))
    }
}

/// More than a few stray bytes after a member may be members with a damaged header: an error.
@Suite struct DamagedMemberTests {
    @Test func manyNonGzipBytesAfterAMemberAreAnError() throws {
        let first = try BadInputTests.gzip(BadInputTests.jsonl([BadInputTests.good]))
        let bytes = first + [UInt8](repeating: 0x41, count: 5_000)
        let o = try BadInputTests.run(bytes, name: "damaged.jsonl.gz")
        #expect(o.status == 1)
        #expect(o.pagesOut == 1)
        #expect(o.error?.contains("are not gzip; records before them were kept") == true)
    }
}
