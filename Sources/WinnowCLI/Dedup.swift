public import ArgumentParser
import Winnow

extension Deduplicator.Pass: ExpressibleByArgument {}

/// `winnow dedup OUTDIR`: keep one copy of each article of a `winnow run` output.
struct Dedup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep one copy of each article in the output of 'winnow run'.",
        discussion: """
            Writes OUTDIR/dedup/: articles/ (the survivors, lines unchanged), dups/ (every removed \
            article with dup_of and the similarity estimate), signatures/ and manifest.json.
            """)

    @Argument(help: "The output directory of 'winnow run'.")
    var directory: String

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int = Run.cores

    @Option(help: "Estimated Jaccard similarity of 5-gram sets at which two articles are copies.")
    var threshold = 0.7

    @Option(help: "Run only this pass: signatures, clusters or filter (repeatable; default: all three in order).")
    var pass: [Deduplicator.Pass] = []

    func validate() throws {
        guard (0.0...1.0).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        var config = DedupConfiguration(runDirectory: directory, jobs: jobs)
        config.threshold = threshold
        do {
            let passes = pass.isEmpty ? Deduplicator.Pass.allCases : Deduplicator.Pass.allCases.filter(pass.contains)
            let s = try Deduplicator(configuration: config).run(passes: passes)
            guard passes.contains(.filter) else {
                FileIO.printLine(
                    "winnow: dedup passes done: \(passes.map(\.rawValue).joined(separator: ", "))",
                    toStandardError: true)
                return
            }
            FileIO.printLine(
                "winnow: \(s.articles) articles: \(s.kept) kept, \(s.exactDuplicates) exact and \(s.nearDuplicates) near duplicates "
                    + "in \(s.clusters) clusters; manifest: \(directory)/dedup/manifest.json",
                toStandardError: true)
        } catch {
            FileIO.printError("\(error)")
            throw ExitCode.failure
        }
    }
}
