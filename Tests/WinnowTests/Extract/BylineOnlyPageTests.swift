import Testing
import Winnow
import WinnowTesting

/// A page of bylines and nothing else has no article (a fuzzer found it gave an article
/// without text; `Fuzz/FailCases/FuzzCleaner/bylines-only-no-text` replays it).
struct BylineOnlyPageTests {
    @Test(arguments: ["来源:新华社 来源:人民网", "来源：新华社", "作者：张远 编辑：刘宁", "来源:\u{FFFD} 来源:D"])
    func bylinesAloneGiveNoArticle(_ text: String) throws {
        let record = try #require(Cleaning.record(text))
        #expect(record.articles.isEmpty)
        #expect(record.noArticle != nil)
        #expect(CoverageCheck.problems(record).isEmpty)
    }
}
