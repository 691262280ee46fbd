import Foundation
import Testing
import WinnowTesting

/// Rows of the fault catalog (shared/research/reliability.md §2, mapped in
/// docs/reliability-catalog.md) that need a file of their own: gzip bombs, memory caps,
/// WARC quirks, odd ids and byte-order marks.
@Suite(.serialized) struct CatalogRowTests {
    static let page = BadInputTests.page

    /// Set by `.ci/run` for its sanitizer runs, where memory is shadowed and the address
    /// space reserved, so that memory bounds say nothing about the program.
    static let sanitized = ProcessInfo.processInfo.environment["WINNOW_SANITIZED"] != nil

    /// G6: a 300 MB record that compresses to a few hundred KB is streamed, rejected as
    /// too long, and the records around it survive; memory stays bounded.
    @Test(.timeLimit(.minutes(3))) func gzipBombIsStreamedPast() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bomb.jsonl.gz")
        _ = try ShellRunner.run(Self.giantRecordBetweenTwo(bytes: 300_000_000) + " | gzip -1 > '\(file.path)'")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        #expect(size < 2_000_000, "the bomb is \(size) bytes compressed")
        let peak = try Self.runOneTooLongBetweenTwo(file, in: dir)
        #expect(Self.sanitized || peak < 384, "peak RSS \(peak) MB")
    }

    /// The manifest's `peak_rss_mb` is the run's own.
    ///
    /// Started by a parent that holds 600 MB (this test process), a small run reports far less. `getrusage` carries the parent's
    /// peak across `exec` on Linux, which once failed the bound above on a busy test runner.
    @Test func peakMemoryIsTheRunsOwn() throws {
        guard !Self.sanitized else {
            print("skipped: a sanitizer's shadow memory makes resident sizes meaningless")
            return
        }
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("one.jsonl")
        try Data(BadInputTests.jsonl([BadInputTests.good])).write(to: file)
        let out = dir.appendingPathComponent("out")
        let held = [UInt8](repeating: 1, count: 600 << 20)
        let r = try withExtendedLifetime(held) { try BinaryRunner.run(["run", file.path, "-o", out.path, "-q"]) }
        #expect(r.status == 0, "\(r.stderr)")
        let timings = try #require(try RunCommandTests.manifest(out)["timings"] as? [String: Any])
        let peak = try #require(timings["peak_rss_mb"] as? Double)
        #expect(peak > 1 && peak < 300, "peak RSS \(peak) MB")
    }

    /// A shell command group printing a good record, one of `bytes` letters, and a good one.
    static func giantRecordBetweenTwo(bytes: Int) -> String {
        let good = #"{"id":"ok","text":"\#(page)"}"#
        return "{ echo '\(good)'; printf '{\"id\":\"giant\",\"text\":\"'; head -c \(bytes) /dev/zero | tr '\\0' a; "
            + "printf '\"}\\n'; echo '\(good)'; }"
    }

    /// Runs `winnow run` on `file`, which holds a record over the length cap between two good
    /// ones; checks the counts and returns the run's peak RSS in MB.
    static func runOneTooLongBetweenTwo(_ file: URL, in dir: URL) throws -> Double {
        let out = dir.appendingPathComponent("out")
        let r = try BinaryRunner.run(["run", file.path, "-o", out.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let manifest = try RunCommandTests.manifest(out)
        let totals = try #require(manifest["totals"] as? [String: Any])
        #expect(totals["records_in"] as? Int == 3)
        #expect(totals["pages_out"] as? Int == 2)
        #expect((totals["reasons"] as? [String: Int])?["too_long"] == 1)
        return try #require((manifest["timings"] as? [String: Any])?["peak_rss_mb"] as? Double)
    }

    /// P8: under a 1 GiB address-space cap (prlimit), a 200 MB page is rejected and the
    /// process finishes the run.
    @Test(.timeLimit(.minutes(3))) func memoryCapAndAGiantPage() throws {
        guard !Self.sanitized, (try? ShellRunner.run("command -v prlimit")) != nil else {
            print("skipped: prlimit is not installed, or a sanitizer reserves the address space")
            return
        }
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("giant.jsonl")
        _ = try ShellRunner.run(Self.giantRecordBetweenTwo(bytes: 200_000_000) + " > '\(file.path)'")
        let out = dir.appendingPathComponent("out")
        let cap = 1 << 30
        let status = try ShellRunner.run(
            "prlimit --as=\(cap) '\(BinaryRunner.binary.path)' run '\(file.path)' -o '\(out.path)' -q -j 2 "
                + ">/dev/null 2>&1; echo $?")
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let totals = try #require(try RunCommandTests.manifest(out)["totals"] as? [String: Any])
        #expect(totals["pages_out"] as? Int == 2)
        #expect((totals["reasons"] as? [String: Int])?["too_long"] == 1)
    }

    /// W3, W4: LF-only headers, and garbage and an unknown version line between records:
    /// each record after them is read.
    @Test func warcQuirksAreReadLeniently() throws {
        let length = Self.page.utf8.count
        let text =
            "WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: http://a.example/\nContent-Length: \(length)\n\n"
            + Self.page + "\n\n" + "garbage between records\nmore garbage\n\n"
            + "WARC/9.9\r\nWARC-Type: conversion\r\nContent-Length: \(length)\r\n\r\n" + Self.page + "\r\n\r\n"
        let o = try BadInputTests.run(Array(text.utf8), name: "quirks.warc.wet")
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.recordsIn == 2)
        #expect(o.pagesOut == 2)
        #expect(o.rejected == 0)
    }

    /// J6: ids that are numbers out of any integer or floating range are kept as their text.
    @Test func numericIdsAreKeptAsText() throws {
        let ids = ["1e999999", "18446744073709551617", "-0"]
        let lines = ids.map { #"{"id": \#($0), "text": "\#(Self.page)"}"# }
        let dir = try RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ids.jsonl")
        try Data(BadInputTests.jsonl(lines)).write(to: file)
        let out = dir.appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", file.path, "-o", out.path, "-q"]).status == 0)
        let pageIds = try RunCommandTests.lines(out, "pages").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(pageIds == ids)
    }

    /// U8: a byte-order mark before the first record is not part of it.
    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        let o = try BadInputTests.run([0xEF, 0xBB, 0xBF] + BadInputTests.jsonl([BadInputTests.good]))
        #expect(o.recordsIn == 1)
        #expect(o.pagesOut == 1)
        #expect(o.rejected == 0)
    }
}
