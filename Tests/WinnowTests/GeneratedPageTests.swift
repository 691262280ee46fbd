import Testing
import Winnow
import WinnowTesting

/// Pages generated from Winnow's own sample articles, with known truth.
@Suite struct GeneratedPageTests {
    static func pages(count: Int, seed: UInt64) -> [FarmPageGenerator.GeneratedPage] {
        FarmPageGenerator.samplePages(count: count, seed: seed)
    }

    /// Our sample articles are short (150–250 characters), so at long periods a page carries
    /// only three or four injected sites, too few to decide on in every case: at least 98% of
    /// pages must come back exact (the CCTV test in `SharedDataAccuracyTests` holds real news
    /// to 99%).
    @Test func articlesAreRecoveredExactly() throws {
        var failures: [String] = []
        let pages = Self.pages(count: 300, seed: 7)
        for (k, page) in pages.enumerated() {
            guard case .page(let record) = PageCleaner().clean(Array(page.text.utf8)) else {
                failures.append("page \(k): rejected")
                continue
            }
            let diff = TruthComparison.differences(record, page.truth)
            if !diff.isEmpty {
                failures.append(
                    "page \(k + 1) (\(page.truth.noiseFamily.name), period \(page.truth.period)): "
                        + diff.joined(separator: "; "))
            }
        }
        #expect(
            failures.count * 50 <= pages.count,
            "\(failures.count) of \(pages.count) pages differ:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test func nothingIsLost() throws {
        for page in Self.pages(count: 100, seed: 11) {
            let record = try #require(PageCleaner().clean(Array(page.text.utf8)).record)
            let problems = CoverageCheck.problems(record)
            #expect(problems.isEmpty, "\(problems)\n\(page.text)")
        }
    }
}
