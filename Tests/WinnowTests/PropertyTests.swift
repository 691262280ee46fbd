import Testing
import Winnow
import WinnowTesting

/// Invariants over many generated inputs (fixed seeds; the failure message names the case).
struct PropertyTests {
    /// Cleaning an article's text again gives the same text back: nothing in a clean
    /// article looks like noise or chrome to the cleaner.
    @Test func cleaningIsIdempotentOnCleanedText() {
        for (k, page) in FarmPageGenerator.samplePages(count: 200, seed: 21).enumerated() {
            guard let record = Cleaning.record(page.text) else { continue }
            for article in record.articles {
                guard let again = Cleaning.record(article.text) else {
                    Issue.record("page \(k): its article was rejected when cleaned again")
                    continue
                }
                let text = again.articles.map { ($0.title.map { [$0] } ?? []) + $0.paragraphs }.joined().joined()
                #expect(
                    TruthComparison.withoutWhitespace(text) == TruthComparison.withoutWhitespace(article.text),
                    "page \(k)")
                #expect(again.removed.isEmpty, "page \(k): removed \(again.removed.map(\.kind))")
            }
        }
    }

    /// Any bytes give a rejection or a record that accounts for every byte.
    @Test func anyBytesAreAccountedFor() {
        var random = SplitMix64(seed: 99)
        let pieces = ["今天", "天气", "😀", "\u{200B}", "，", "。", "\n", " ", "来源：新华社", "推荐阅读", "a", "1", "\u{FFFD}"]
        for k in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 200) {
                if random.chance(0.1) {
                    bytes.append(UInt8(truncatingIfNeeded: random.next()))
                } else {
                    bytes += Array(random.pick(pieces).utf8)
                }
            }
            guard let record = PageCleaner().clean(bytes).record else { continue }
            #expect(CoverageCheck.problems(record).isEmpty, "case \(k): \(CoverageCheck.problems(record))")
        }
    }
}
