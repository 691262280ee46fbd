// The quality stage alone: `QualitySignals.signals(of:)` over the articles of a page file,
// one core. The pages are cleaned first, untimed; then every article's signals are
// computed `repeats` times.
//
//     winnow-bench --signals PAGES [--repeat 5]
//
// PAGES holds page texts separated by form feeds (U+000C), as `--keep` writes them.
import Glibc
import Winnow

func runSignalsBenchmark(path: String, repeats: Int) {
    guard let f = fopen(path, "rb") else {
        print("winnow-bench: \(path): cannot open")
        exit(1)
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        if n == 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    fclose(f)
    let cleaner = PageCleaner()
    var articles: [(Article, Double)] = []
    var textBytes = 0
    for page in bytes.split(separator: 0x0C) {
        guard case .page(let record) = cleaner.clean(Array(page)) else { continue }
        let boilerplate = QualitySignals.boilerplate(of: record)
        for article in record.articles {
            articles.append((article, boilerplate))
            textBytes += article.paragraphs.reduce(0) { $0 + $1.utf8.count }
        }
    }
    print("signals: \(articles.count) articles, \(textBytes) bytes of article text")
    var quality = QualitySignals()
    var rates: [Double] = []
    var checksum = 0.0
    for _ in 0..<max(1, repeats) {
        let start = now()
        for (article, boilerplate) in articles {
            checksum += quality.signals(of: article, boilerplate: boilerplate).top2gram
        }
        rates.append(Double(textBytes) / 1e6 / (now() - start))
    }
    let runs = rates.map(f1).joined(separator: ", ")
    print("signals (1 thread): \(f1(median(rates))) MB/s of article text  (runs: \(runs); checksum \(f2(checksum)))")
}
