public import ArgumentParser
import Winnow

extension DedupWorker.Mode: ExpressibleByArgument {}

/// `winnow worker`: the per-task side of a cluster engine (`integrations/spark/`): records on
/// standard input, framed records on standard output, every decision made by the same code
/// as `winnow run` and `winnow dedup`.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean records or run a dedup step for a cluster engine (stdin to stdout).",
        discussion: """
            Output lines are 'TAG<tab>PAYLOAD'; the last is 'END<tab>{…}', and a reader that \
            does not see it must fail the task. See integrations/spark/README.md.
            """,
        subcommands: [WorkerClean.self, WorkerDedup.self, WorkerSettings.self])
}

/// `winnow worker clean`: cleans one input stream, as `winnow run` cleans one input.
struct WorkerClean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean the records of standard input (JSONL, WET, gzip or not) into framed records.",
        discussion: """
            Tags: A article, P page, R reject, F filtered article, END counts. Records are those \
            'winnow run' writes, with 'source' set by --source.
            """)

    @Option(help: "What records name as their source (default: '-').")
    var source = "-"

    @Option(name: .shortAndLong, help: "Worker threads (default: 1: one per engine task).")
    var jobs = 1

    @OptionGroup var records: RecordOptions

    @Argument(help: "Input file ('-', the default, for standard input).")
    var input = "-"

    func run() throws {
        var config = RunConfiguration(inputs: [input], outputDirectory: "", jobs: max(1, jobs))
        try records.apply(to: &config)
        do {
            _ = try CleanWorker.run(path: input, source: source, configuration: config) { FileIO.writeStdout($0) }
        } catch {
            FileIO.printError("\(error)")
            throw ExitCode.failure
        }
    }
}

/// `winnow worker dedup MODE`: one step of `winnow dedup` over lines of standard input.
struct WorkerDedup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "One dedup step over lines of standard input.",
        discussion: "Modes: \(DedupWorker.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Argument(help: "The step.")
    var mode: DedupWorker.Mode

    @Option(help: "Estimated Jaccard similarity of 5-gram sets at which two articles are copies.")
    var threshold = 0.7

    @Option(help: "Template keys found by the engine, one hex key per line (signatures and filter).")
    var templates: String?

    func run() throws {
        var settings = DedupWorker.Settings(dedup: DedupConfiguration(runDirectory: "", jobs: 1))
        settings.dedup.threshold = threshold
        do {
            if let templates {
                let text = String(decoding: try FileIO.readAll(templates), as: UTF8.self)
                settings.templateKeys = try DedupWorker.Settings.parseTemplateKeys(text)
            }
            try DedupWorker.run(mode: mode, settings: settings) { FileIO.writeStdout($0) }
        } catch let error as FileIO.ReadError {
            FileIO.printError(error.description)
            throw ExitCode.failure
        } catch {
            FileIO.printError("\(error)")
            throw ExitCode.failure
        }
    }
}

/// `winnow worker settings`: the dedup settings as JSON, so the engine groups by the same
/// bands and judges templates by the same thresholds as `winnow dedup`.
struct WorkerSettings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Print the dedup settings the engine needs, as JSON.")

    func run() throws {
        FileIO.writeStdout(DedupWorker.settingsJSON(DedupConfiguration(runDirectory: "", jobs: 1)))
    }
}
