import Foundation
import Testing
import WinnowTesting

/// `winnow run` over generated corpora and bad inputs, run as a user runs it.
@Suite(.serialized) struct RunCommandTests {
    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small corpus: a JSONL.gz and a WET.gz file.
    static func corpus(pages: Int = 300) throws -> URL {
        let dir = try temporaryDirectory().appendingPathComponent("in")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (format, name, seed) in [("jsonl", "a.jsonl.gz", "3"), ("wet", "b.warc.wet.gz", "4")] {
            let r = try BinaryRunner.run([
                "generate", "--pages", "\(pages)", "--seed", seed, "--format", format, "--out",
                dir.appendingPathComponent(name).path,
            ])
            try #require(r.status == 0, "\(r.stderr)")
        }
        return dir
    }

    static func manifest(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The decompressed lines of every shard under `out/kind`.
    static func lines(_ out: URL, _ kind: String) throws -> [String] {
        let dir = out.appendingPathComponent(kind)
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        where name.hasSuffix(".jsonl.gz") {
            let r = try ShellRunner.run("gzip -dc '\(dir.appendingPathComponent(name).path)'")
            lines += r.split(separator: "\n").map(String.init)
        }
        return lines
    }

    /// Bytes of every output shard, by relative path.
    static func shards(_ out: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for kind in ["articles", "pages", "rejects", "filtered"] {
            let dir = out.appendingPathComponent(kind)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                result[kind + "/" + name] = try Data(contentsOf: dir.appendingPathComponent(name))
            }
        }
        return result
    }

    @Test func everyRecordIsAccountedFor() throws {
        let input = try Self.corpus()
        let out = try Self.temporaryDirectory().appendingPathComponent("out")
        let r = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let manifest = try Self.manifest(out)
        let totals = try #require(manifest["totals"] as? [String: Any])
        #expect(totals["records_in"] as? Int == 600)
        #expect(totals["pages_out"] as? Int == 600)
        #expect(totals["conserved"] as? Bool == true)
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["format"] as? String } == ["jsonl", "wet"])
        for entry in inputs {
            let counts = try #require(entry["counts"] as? [String: Any])
            #expect(
                counts["records_in"] as? Int == (counts["pages_out"] as? Int ?? -1) + (counts["rejected"] as? Int ?? -1)
            )
        }
        // Output lines match the counts.
        #expect(try Self.lines(out, "pages").count == 600)
        #expect(try Self.lines(out, "articles").count == totals["articles"] as? Int)
        #expect(r.stderr.contains("600 records: 600 pages"))
    }

    @Test func outputDoesNotDependOnThreadsOrInputOrder() throws {
        let input = try Self.corpus(pages: 200)
        let files = try FileManager.default.contentsOfDirectory(atPath: input.path).sorted().map {
            input.appendingPathComponent($0).path
        }
        var outputs: [[String: Data]] = []
        for (jobs, order) in [(1, files), (2, files.reversed()), (8, files.reversed())] {
            let out = try Self.temporaryDirectory().appendingPathComponent("out")
            let r = try BinaryRunner.run(["run"] + order + ["-o", out.path, "-j", "\(jobs)", "-q"])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Self.shards(out))
        }
        #expect(outputs[0].count == 8)  // two inputs × four shard kinds
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test func killedRunResumesToTheSameOutput() throws {
        let input = try Self.corpus(pages: 1500)
        let reference = try Self.temporaryDirectory().appendingPathComponent("ref")
        #expect(try BinaryRunner.run(["run", input.path, "-o", reference.path, "-q"]).status == 0)
        let out = try Self.temporaryDirectory().appendingPathComponent("out")
        // Kill -9 at a few moments, then finish with the same command.
        for delay in [0.05, 0.15, 0.3] {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["run", input.path, "-o", out.path, "-q", "-j", "1"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let r = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let resumed = try Self.shards(out)
        let expected = try Self.shards(reference)
        #expect(resumed.keys.sorted() == expected.keys.sorted())
        let differing = expected.keys.sorted().filter { resumed[$0] != expected[$0] }
        let markers = (try? FileManager.default.contentsOfDirectory(atPath: out.path + "/.winnow/done")) ?? []
        #expect(differing.isEmpty, "shards unlike an uninterrupted run's: \(differing); markers: \(markers.sorted())")
        // No temporary files left behind.
        for kind in ["articles", "pages", "rejects", "filtered"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(kind).path)
            #expect(!names.contains { $0.hasSuffix(".tmp") })
        }
    }

    @Test func refusesChangedInputsUnlessForced() throws {
        let input = try Self.corpus(pages: 50)
        let out = try Self.temporaryDirectory().appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"]).status == 0)
        let r1 = try BinaryRunner.run([
            "generate", "--pages", "60", "--seed", "9", "--format", "jsonl", "--out",
            input.appendingPathComponent("a.jsonl.gz").path,
        ])
        try #require(r1.status == 0)
        let refused = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds a run with other inputs or another configuration"))
        let forced = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let totals = try #require(try Self.manifest(out)["totals"] as? [String: Any])
        #expect(totals["records_in"] as? Int == 110)
    }

    @Test func refusesASecondRunOnTheSameDirectory() throws {
        let input = try Self.corpus(pages: 20)
        let out = try Self.temporaryDirectory().appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent(".winnow"), withIntermediateDirectories: true)
        // Hold the run's lock as a running winnow would, with a shard it is writing.
        let fd = open(out.appendingPathComponent(".winnow/lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let writing = out.appendingPathComponent("articles/part-00000.jsonl.gz.tmp")
        try FileManager.default.createDirectory(
            at: writing.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("being written".utf8).write(to: writing)
        let r = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("another winnow run is using this output directory"))
        // The refused run must not have cleaned up the running one's temporary files.
        #expect(FileManager.default.fileExists(atPath: writing.path))
    }
}

/// Inputs that must stream: standard input, and a single line larger than the record cap.
@Suite struct StreamingRunTests {
    @Test func readsJSONLinesFromStandardInput() throws {
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        let lines = (0..<5).map { #"{"id":"\#($0)","text":"\#(BadInputTests.page)"}"# }.joined(separator: "\n")
        let r = try BinaryRunner.run(["run", "-", "-o", out.path, "-q"], stdin: Data(lines.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let totals = try #require(try RunCommandTests.manifest(out)["totals"] as? [String: Any])
        #expect(totals["pages_out"] as? Int == 5)
    }

    /// L4: a 200 MB line is rejected as too long, streamed past, and memory stays bounded.
    @Test(.timeLimit(.minutes(3))) func twoHundredMegabyteLineIsStreamedPast() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        let file = dir.appendingPathComponent("huge.jsonl")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        handle.write(Data((#"{"id":"small","text":"\#(BadInputTests.page)"}"# + "\n").utf8))
        handle.write(Data(#"{"id":"huge","text":""#.utf8))
        let chunk = Data(String(repeating: "长", count: 1 << 20).utf8)  // 3 MiB
        for _ in 0..<67 { handle.write(chunk) }
        handle.write(Data(("\"}\n" + #"{"id":"after","text":"\#(BadInputTests.page)"}"# + "\n").utf8))
        try handle.close()
        let peak = try CatalogRowTests.runOneTooLongBetweenTwo(file, in: dir)
        #expect(CatalogRowTests.sanitized || peak < 1024, "peak RSS \(peak) MB")
        try? FileManager.default.removeItem(at: dir)
    }
}

/// Progress goes to a terminal only; the summary line is printed either way.
@Suite struct RunProgressTests {
    @Test func noControlCharactersWhenNotATerminal() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        let file = dir.appendingPathComponent("a.jsonl")
        try Data(#"{"text":"\#(BadInputTests.page)"}"#.utf8).write(to: file)
        let r = try BinaryRunner.run(["run", file.path, "-o", dir.appendingPathComponent("out").path])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("\u{1B}"))
        #expect(!r.stderr.contains("\r"))
        #expect(r.stderr.hasPrefix("winnow: 1 inputs, 1 records: 1 pages"))
    }
}

/// `--config FILE` sets defaults; flags win over it.
@Suite struct RunConfigTests {
    @Test func configFileAndFlagOverride() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        let input = dir.appendingPathComponent("a.jsonl")
        try Data(#"{"body":"\#(BadInputTests.page)","text":"另一段文字，长度够过最短的过滤。"}"#.utf8).write(to: input)
        let config = dir.appendingPathComponent("winnow.toml")
        try Data("[input]\ntext_field = \"body\"\n".utf8).write(to: config)
        let a = try BinaryRunner.run([
            "run", input.path, "-o", dir.appendingPathComponent("a").path, "--config", config.path, "-q",
        ])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(try RunCommandTests.lines(dir.appendingPathComponent("a"), "articles").first?.contains("城市图书馆") == true)
        let b = try BinaryRunner.run([
            "run", input.path, "-o", dir.appendingPathComponent("b").path, "--config", config.path, "--text-field",
            "text", "-q",
        ])
        #expect(b.status == 0)
        #expect(try RunCommandTests.lines(dir.appendingPathComponent("b"), "articles").first?.contains("另一段文字") == true)
    }

    @Test func badConfigIsAUsageError() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        let config = dir.appendingPathComponent("bad.toml")
        try Data("[run]\njobz = 2\n".utf8).write(to: config)
        let r = try BinaryRunner.run(["run", "x", "-o", dir.appendingPathComponent("o").path, "--config", config.path])
        #expect(r.status == 64)
        #expect(r.stderr == "winnow: \(config.path):2: unknown key 'jobz' in [run]; see 'winnow config --default'\n")
    }
}

/// P3: a full disk stops the run with a clear error, commits nothing partial, and the same
/// command finishes the job once there is space.
///
/// Needs permission to mount a tmpfs.
@Suite(.enabled(if: MountProbe.canMount, "needs permission to mount a tmpfs (root); skipped"))
struct DiskFullTests {
    @Test func diskFullThenResume() throws {
        let input = try RunCommandTests.corpus(pages: 400)
        let reference = try RunCommandTests.temporaryDirectory().appendingPathComponent("ref")
        #expect(try BinaryRunner.run(["run", input.path, "-o", reference.path, "-q"]).status == 0)
        let mountPoint = try RunCommandTests.temporaryDirectory()
        _ = try ShellRunner.run("mount -t tmpfs -o size=300k tmpfs '\(mountPoint.path)'")
        defer { _ = try? ShellRunner.run("umount '\(mountPoint.path)'") }
        let out = mountPoint.appendingPathComponent("out")
        let full = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"])
        #expect(full.status == 1)
        #expect(
            full.stderr.contains("No space left on device") || full.stderr.contains("no space left on device"),
            "\(full.stderr)")
        #expect(full.stderr.contains("run the same command again"))
        _ = try ShellRunner.run("mount -o remount,size=64m '\(mountPoint.path)'")
        let resumed = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try RunCommandTests.shards(out) == RunCommandTests.shards(reference))
    }
}

/// Whether this process may mount a tmpfs (root in a sandbox that allows it).
enum MountProbe {
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-mount-probe-\(getpid())").path
        _ = try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ok =
            (try? ShellRunner.run("mount -t tmpfs -o size=64k tmpfs '\(dir)' && umount '\(dir)' && echo ok")) == "ok\n"
        try? FileManager.default.removeItem(atPath: dir)
        return ok
    }()
}

/// P2: SIGTERM and SIGINT stop a run between batches with status 128 + signal, and the
/// same command finishes it with the output of an uninterrupted run.
@Suite struct StopSignalTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func stopsCleanlyAndResumes(signal: Int32) throws {
        let input = try RunCommandTests.corpus(pages: 1500)
        let reference = try RunCommandTests.temporaryDirectory().appendingPathComponent("ref")
        #expect(try BinaryRunner.run(["run", input.path, "-o", reference.path, "-q"]).status == 0)
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["run", input.path, "-o", out.path, "-q", "-j", "1"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, signal)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {  // the run may have finished before the signal
            #expect(process.terminationStatus == 128 + signal)
            #expect(stderr.contains("stopped on request; run the same command again to finish"))
        }
        let r = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try RunCommandTests.shards(out) == RunCommandTests.shards(reference))
    }
}
