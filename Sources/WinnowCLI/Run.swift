import ArgumentParser
import Winnow

/// `winnow run INPUT... -o OUTDIR`: a whole corpus, on all cores, resumably.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean every page of a corpus into sharded JSON Lines.",
        discussion: """
            Inputs are Common Crawl WET files (.warc.wet.gz), JSON Lines (.jsonl, .jsonl.gz), text \
            pages (one per file) and directories of them, or '-' for JSON Lines on standard input; \
            the format is read from the content. OUTDIR gets articles/, pages/, rejects/ and \
            manifest.json. Run the same command again after a crash to finish the job.
            """)

    @Argument(help: "Input files or directories ('-' for JSON Lines on standard input).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output directory.")
    var output: String

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @OptionGroup var records: RecordOptions

    @Flag(help: "Redo the run even if OUTDIR holds one with other inputs or another configuration.")
    var force = false

    @Flag(name: .shortAndLong, help: "No progress line.")
    var quiet = false

    @Flag(help: "Run 'winnow dedup' on the output when the run is complete.")
    var dedup = false

    static var cores: Int { max(1, Int(FileIO.cpuCount)) }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var config = RunConfiguration(inputs: inputs, outputDirectory: output, jobs: Run.cores)
        try records.apply(to: &config)
        if let jobs { config.jobs = jobs }
        config.force = force
        let progress = ProgressLine(enabled: !quiet && FileIO.stderrIsTerminal)
        StopRequest.installSignalHandlers()
        let summary: CorpusRun.Summary
        do {
            summary = try CorpusRun(configuration: config).run { progress.update($0) }
        } catch let stop as StopRequest.Stopped {
            progress.finish()
            FileIO.printError("\(stop)")
            throw ExitCode(128 + StopRequest.signal)
        } catch {
            progress.finish()
            FileIO.printError("\(error)")
            throw ExitCode.failure
        }
        progress.finish()
        for input in summary.inputs {
            if let warning = input.warning { FileIO.printError("\(input.path): warning: \(warning)") }
        }
        for failed in summary.failedInputs { FileIO.printError("\(failed.path): \(failed.error ?? "")") }
        let t = summary.totals
        let rate = Double(t.textBytes) / 1e6 / max(summary.seconds, 1e-9)
        FileIO.printLine(
            "winnow: \(summary.inputs.count) inputs, \(t.recordsIn) records: \(t.pagesOut) pages (\(t.articles) articles, "
                + "\(t.filtered) filtered), \(t.rejected) rejected; \(ProgressLine.format(rate)) MB/s; manifest: \(output)/manifest.json",
            toStandardError: true)
        if dedup {
            let s = try Deduplicator(configuration: DedupConfiguration(runDirectory: output, jobs: config.jobs)).run()
            FileIO.printLine(
                "winnow: dedup: \(s.articles) articles: \(s.kept) kept, \(s.exactDuplicates + s.nearDuplicates) duplicates",
                toStandardError: true)
        }
        if !summary.failedInputs.isEmpty { throw ExitCode.failure }
    }
}

/// The live progress line on a terminal: pages/s, MB/s, percent, ETA.
///
/// Silent otherwise.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = 0.0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ p: CorpusRun.Progress) {
        guard enabled, p.seconds - lastDraw >= 0.2 || p.fileBytesDone == p.fileBytesTotal else { return }
        lastDraw = p.seconds
        let fraction = p.fileBytesTotal > 0 ? Double(p.fileBytesDone) / Double(p.fileBytesTotal) : 0
        let eta = fraction > 0 ? p.seconds * (1 - fraction) / fraction : 0
        let line =
            "\u{1B}[2K\r\(Int(Double(p.pages) / max(p.seconds, 1e-9))) pages/s  "
            + "\(Self.format(Double(p.textBytes) / 1e6 / max(p.seconds, 1e-9))) MB/s  "
            + "\(Int(fraction * 100))%  ETA \(Int(eta))s"
        FileIO.printRaw(line, toStandardError: true)
        drawn = true
    }

    func finish() {
        if drawn { FileIO.printRaw("\u{1B}[2K\r", toStandardError: true) }
    }

    static func format(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
