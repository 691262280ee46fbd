import Testing
import Winnow
import WinnowTesting

/// Rows U7 and U13 of the fault catalog: rare code points pass through, and pathological
/// combining sequences are cleaned in linear time.
struct UnicodeEdgeTests {
    static let sentence = "研究团队在实验室里测试了一种新的电池材料。"

    /// A noncharacter, private use (BMP and plane 15) and an unassigned code point, each
    /// once and not at a period: text, not noise.
    @Test func rareCodePointsPassThroughUnchanged() throws {
        let text = "研究团队\u{FFFF}在实验室\u{E000}里测试了一种\u{0378}新的电池材料。第二句话\u{F0000}也在这里。"
        let record = try #require(Cleaning.record("标题\n" + text + "\n"))
        #expect(record.removed.isEmpty)
        #expect(record.articles.map(\.text) == [text])
    }

    /// 10^6 combining marks on one letter, and a 10^4-long ZWJ chain: a quadratic step
    /// would take hours here, so the time limit catches one; every byte is accounted for.
    @Test(.timeLimit(.minutes(1)), arguments: ["combining marks", "ZWJ chain", "stacked marks"])
    func longCombiningSequencesAreCleanedInLinearTime(kind: String) throws {
        // Built here, not passed as the argument: the test log prints arguments.
        let sequence =
            switch kind {
            case "combining marks": "a" + String(repeating: "\u{0301}", count: 1_000_000)
            case "ZWJ chain": Array(repeating: "👩", count: 10_000).joined(separator: "\u{200D}")
            default: String(repeating: "e\u{0301}\u{0302}\u{0303}", count: 100_000)
            }
        let page = "标题\n" + Self.sentence + sequence + Self.sentence + "\n"
        let record = try #require(Cleaning.record(page))
        #expect(CoverageCheck.problems(record).isEmpty, "\(kind)")
        #expect(record.articles.count == 1, "\(kind)")
    }
}
