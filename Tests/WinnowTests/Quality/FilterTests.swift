import Testing
import Winnow
import WinnowTesting

/// The default filters drop generated junk with a reason and keep real-looking articles.
struct FilterTests {
    @Test(arguments: QualityEvaluation.Junk.allCases)
    func junkIsDropped(_ kind: QualityEvaluation.Junk) {
        var random = SplitMix64(seed: 77)
        var outcomes: [String: Int] = [:]
        for _ in 0..<30 {
            let outcome = QualityEvaluation.outcome(kind.text(using: &random))
            outcomes[outcome.description, default: 0] += 1
        }
        print("junk \(kind.rawValue): \(outcomes.sorted { $0.key < $1.key })")
        #expect(outcomes["kept"] == nil, "\(kind.rawValue): \(outcomes)")
    }

    /// Farm pages generated from the sample articles: every one keeps its articles.
    @Test func generatedFarmPagesPass() {
        for page in FarmPageGenerator.samplePages(count: 100, seed: 5) {
            let outcome = QualityEvaluation.outcome(page.text)
            #expect(outcome == .kept, "\(outcome): \(page.text.prefix(80))")
        }
    }

    /// Each filter names itself and the failing value; `enabled = false` keeps everything.
    @Test func failuresNameTheFilterAndValue() {
        var s = ArticleSignals()
        s.chars = 500
        s.han = 0.9
        s.functionWords = 0.0
        let filters = QualityFilters()
        let failure = filters.check(s)
        #expect(failure?.filter == "min_function_words")
        #expect(failure?.value == 0)
        #expect(failure?.threshold == filters.minFunctionWords)
        var off = filters
        off.enabled = false
        #expect(off.check(s) == nil)
        var languages = filters
        languages.languages = ["zh"]
        s.functionWords = 0.1
        s.language = "en"
        #expect(languages.check(s)?.filter == "languages")
        #expect(languages.check(s)?.language == "en")
    }

    @Test func configFileSetsFilters() throws {
        let file = try ConfigFile(
            parsing: "[filters]\nmin_chars = 200\nlanguages = \"zh, en\"\nmax_symbols = 0.1\nenabled = false\n",
            path: "c.toml")
        #expect(file.filters.minChars == 200)
        #expect(file.filters.languages == ["zh", "en"])
        #expect(file.filters.maxSymbols == 0.1)
        #expect(file.filters.enabled == false)
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile(parsing: "[filters]\nmax_symbols = 2\n", path: "c") }
    }
}
