// Throughput benchmark for the page cleaner: one core, release build, generated pages.
//
//     swift run -c release winnow-bench [--mb 100] [--repeat 3] [--keep DIR]
//
// Prints MB/s of page text → page record (JSON written), and, on the same bytes in the same
// run, the machine's reference points: `gzip -d` (zlib inflate) and, when python3 is
// present, the regex emoji removal that Python cleaners use. Results go in BENCHMARKS.md.
import Glibc
import Winnow

struct Options {
    var megabytes = 100
    var repeats = 3
    var keep: String?
    /// Only run the cleaning loop this many times (for `perf record`), then exit.
    var profileLoops = 0
    /// Benchmark MinHash signatures on this many ~3 KB articles instead of cleaning.
    var minhashDocs = 0
    /// Benchmark the quality signals on the articles of this page file instead of cleaning.
    var signalsPath: String?

    init(_ arguments: [String]) {
        var k = 1
        while k < arguments.count {
            switch arguments[k] {
            case "--mb": megabytes = Int(arguments[k + 1]) ?? megabytes; k += 1
            case "--repeat": repeats = Int(arguments[k + 1]) ?? repeats; k += 1
            case "--keep": keep = arguments[k + 1]; k += 1
            case "--profile": profileLoops = Int(arguments[k + 1]) ?? 1; k += 1
            case "--minhash": minhashDocs = Int(arguments[k + 1]) ?? 100_000; k += 1
            case "--signals": signalsPath = arguments[k + 1]; k += 1
            default: break
            }
            k += 1
        }
    }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// `x` with one decimal (no Foundation in the benchmark either).
func f1(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
}

/// `x` with two decimals.
func f2(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let fraction = abs(hundredths % 100)
    return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}

func readFirstLine(_ path: String) -> String? {
    guard let f = fopen(path, "r") else { return nil }
    defer { fclose(f) }
    var buffer = [UInt8](repeating: 0, count: 256)
    let n = fread(&buffer, 1, 255, f)
    return String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n").first.map(String.init)
}

func shell(_ command: String) -> Int32 { system(command) }

func writeFile(_ path: String, _ pages: [[UInt8]]) {
    guard let f = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    for page in pages {
        _ = page.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fputc(0x0C, f)  // form feed between pages
    }
    fclose(f)
}

let options = Options(CommandLine.arguments)

if options.minhashDocs > 0 {
    runMinHashBenchmark(documents: options.minhashDocs, repeats: options.repeats)
    exit(0)
}
if let path = options.signalsPath {
    runSignalsBenchmark(path: path, repeats: options.repeats)
    exit(0)
}
let target = options.megabytes * 1_000_000

// 1. Corpus: generated farm pages (our own sample articles), at least `target` bytes.
var pages: [[UInt8]] = []
var total = 0
var seed: UInt64 = 1
while total < target {
    for page in FarmPageGenerator.samplePages(count: 2_000, seed: seed) where total < target {
        let bytes = Array(page.text.utf8)
        total += bytes.count
        pages.append(bytes)
    }
    seed += 1
}
print("corpus: \(pages.count) pages, \(total) bytes (\(f1(Double(total) / 1e6)) MB)")

// 2. Winnow: page → page record → JSON, one thread.
let cleaner = PageCleaner()
if options.profileLoops > 0 {
    var records = 0
    for _ in 0..<options.profileLoops {
        for page in pages { if case .page = cleaner.clean(page) { records += 1 } }
    }
    print("profiled \(records) records")
    exit(0)
}
var writer = JSONWriter(capacity: 1 << 16)
var rates: [Double] = []
var outputBytes = 0
var articles = 0
for _ in 0..<options.repeats {
    outputBytes = 0
    articles = 0
    let start = now()
    for page in pages {
        writer.reset()
        if case .page(let record) = cleaner.clean(page) {
            record.write(to: &writer)
            writer.newline()
            articles += record.articles.count
        }
        outputBytes += writer.bytes.count
    }
    let seconds = now() - start
    rates.append(Double(total) / 1e6 / seconds)
}
let winnow = median(rates)
print("winnow clean (1 thread):   \(f1(winnow)) MB/s  (runs: \(rates.map(f1).joined(separator: ", ")))")
print("  \(articles) articles, \(outputBytes) bytes of JSON")

// Where the time goes: cleaning alone (records built, no JSON), and the UTF-8 check alone.
do {
    var start = now()
    var records = 0
    for page in pages { if case .page = cleaner.clean(page) { records += 1 } }
    let cleanOnly = Double(total) / 1e6 / (now() - start)
    start = now()
    var valid = 0
    for page in pages where UTF8Repair.repairing(page).replaced == 0 { valid += 1 }
    let validate = Double(total) / 1e6 / (now() - start)
    print(
        "  stages: clean without JSON \(f1(cleanOnly)) MB/s; UTF-8 validation alone \(f1(validate)) MB/s (\(records), \(valid) pages)"
    )
}

// 3. Reference points on the same bytes.
let dir = options.keep ?? "/tmp/winnow-bench-\(getpid())"
_ = shell("mkdir -p '\(dir)'")
let corpusPath = "\(dir)/corpus.txt"
writeFile(corpusPath, pages)
_ = shell("gzip -6 -c '\(corpusPath)' > '\(corpusPath).gz'")
var gzipRates: [Double] = []
for _ in 0..<options.repeats {
    let start = now()
    _ = shell("gzip -dc '\(corpusPath).gz' > /dev/null")
    gzipRates.append(Double(total) / 1e6 / (now() - start))
}
let gzip = median(gzipRates)
print("gzip -d (zlib inflate):    \(f1(gzip)) MB/s  → winnow/gzip = \(f2(winnow / gzip))×")

let peer = "Benchmarks/peers/regex_emoji_strip.py"
if shell("command -v python3 > /dev/null && test -f \(peer)") == 0 {
    _ = shell("python3 \(peer) '\(corpusPath)' \(options.repeats) > '\(dir)/peer.txt'")
    if let line = readFirstLine("\(dir)/peer.txt"), let rate = Double(line.split(separator: " ").first ?? "") {
        print(
            "python re.sub emoji strip: \(f1(rate)) MB/s  → winnow/peer = \(f2(winnow / rate))× (the peer only strips a fixed set)"
        )
    }
}
if options.keep == nil { _ = shell("rm -rf '\(dir)'") }
