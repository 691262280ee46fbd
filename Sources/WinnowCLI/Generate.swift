public import ArgumentParser
import Winnow

extension FarmCorpus.Format: ExpressibleByArgument {}

/// `winnow generate`: farm-style pages with known truth, for tests, demos and benchmarks.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate content-farm pages with known truth from Winnow's sample articles.",
        discussion: """
            Writes PAGES pages to standard output, separated by form feeds (U+000C), or, with \
            --out, one file per page (page-NNNNN.txt) and its truth (page-NNNNN.truth.json). \
            The same seed gives the same pages.
            """)

    @Option(help: "How many pages.")
    var pages = 10

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(
        help: "Directory to write pages and truth files to (created if missing); or, with --format, the corpus file.")
    var out: String?

    @Option(help: "Write one corpus file instead of pages: 'jsonl' or 'wet' (gzip when --out ends in .gz).")
    var format: FarmCorpus.Format?

    @Option(
        help: """
            With --format: draw articles from this many synthetic articles, half of the uses \
            disguised variants (a corpus of distinct articles with near-duplicates), instead \
            of the eight sample articles.
            """)
    var sources = 0

    @Flag(help: "With --sources: shuffle each sentence's characters, so distinct articles share almost no text.")
    var scrambled = false

    func run() throws {
        if let format {
            guard let out else { throw ValidationError("--format needs --out FILE") }
            try FileIO.writeFile(out, [])
            let gzip = out.hasSuffix(".gz")
            try FarmCorpus.write(
                format: format, pages: max(1, pages), seed: seed, sources: max(0, sources), scrambled: scrambled,
                gzip: gzip
            ) {
                try FileIO.appendFile(out, $0)
            }
            return
        }
        var stream: [UInt8] = []
        if let out { try FileIO.makeDirectory(out) }
        for (index, page) in FarmPageGenerator.samplePages(count: max(1, pages), seed: seed).enumerated() {
            let k = index + 1
            if let out {
                let digits = String(k)
                let name = "page-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
                try FileIO.writeFile("\(out)/\(name).txt", Array(page.text.utf8))
                var w = JSONWriter(pretty: true)
                page.truth.write(to: &w)
                w.newline()
                try FileIO.writeFile("\(out)/\(name).truth.json", w.bytes)
            } else {
                if k > 1 { stream.append(0x0C) }
                stream += Array(page.text.utf8)
            }
        }
        if out == nil { FileIO.writeStdout(stream) }
    }
}
