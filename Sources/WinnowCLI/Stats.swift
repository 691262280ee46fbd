import ArgumentParser
import Winnow

/// `winnow stats OUTDIR`: the distribution of every article signal, to choose thresholds.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the distribution of every article signal in the output of 'winnow run'.",
        discussion: """
            Prints counts by language and script, then each signal's percentiles and a text \
            histogram (ten bins from the minimum to the 99th percentile). Reads articles/ and, with \
            --include-filtered, filtered/ (then also counts by filter).
            """)

    @Argument(help: "The output directory of 'winnow run'.")
    var directory: String

    @Flag(help: "Also read the articles the quality filters dropped.")
    var includeFiltered = false

    func run() throws {
        guard FileIO.isDirectory(directory + "/articles") else {
            FileIO.printError("\(directory): no articles/ directory; give the output directory of 'winnow run'")
            throw ExitCode.failure
        }
        do {
            let stats = try SignalStatistics(runDirectory: directory, includeFiltered: includeFiltered)
            FileIO.printLine(stats.report(), toStandardError: false)
        } catch {
            FileIO.printError("\(directory): \(error)")
            throw ExitCode.failure
        }
    }
}
