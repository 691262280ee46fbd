import ArgumentParser
import Winnow

/// `winnow clean [PATH|-]`: one page in, its page record out.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean one page and print its page record as JSON.",
        discussion: """
            Reads a page as plain UTF-8 text (as in a Common Crawl WET record). Invalid UTF-8 is \
            replaced with U+FFFD and counted; a GBK/GB18030 or Big5 page is decoded. Exits 1 when \
            the page is unreadable, empty or not text.
            """)

    @Argument(help: "The page to clean, or '-' for standard input.")
    var path: String = "-"

    @Flag(help: "Indent the JSON.")
    var pretty = false

    @Flag(help: "Print the page as a person reads it: every removed span marked with its kind, every article labelled.")
    var explain = false

    @Option(help: "The page id (default: a stable hash of the page's bytes).")
    var id: String?

    @Option(
        name: .customLong("max-bad-utf8"),
        help: "Reject the page if a larger share of its bytes is ill-formed UTF-8 (default: 0.1).")
    var maxBadUTF8 = 0.1

    @Flag(help: "Colour the --explain output (default: when standard output is a terminal).")
    var color = false

    @Flag(help: "Never colour the --explain output.")
    var noColor = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readAll(path)
        } catch {
            FileIO.printError(error.description)
            throw ExitCode.failure
        }
        switch PageCleaner(options: .init(maxInvalidUTF8: maxBadUTF8)).clean(bytes, id: id) {
        case .page(let record):
            if explain {
                let useColor = color || (!noColor && FileIO.stdoutIsTerminal)
                FileIO.writeStdout(Array(ExplainRenderer(colors: useColor).render(record).utf8))
            } else {
                var w = JSONWriter(pretty: pretty)
                record.write(to: &w)
                w.newline()
                FileIO.writeStdout(w.bytes)
            }
        case .rejected(let reason, let detail):
            FileIO.printError("\(path == "-" ? "<stdin>" : path): \(detail) (\(reason.rawValue))")
            throw ExitCode.failure
        }
    }
}
