import Testing
import Winnow
import WinnowTesting

/// An article's body pasted a second time under itself loses the second copy (recorded as
/// `repeated-text`), and nothing else does.
@Suite struct RepeatedTextTests {
    static let paragraphs = [
        "去年冬天，研究团队在实验室里测试了一种新的电池材料，希望它能在低温下保持容量。",
        "结果显示，这种材料在零下二十度时的容量保持率超过百分之八十，比常用材料高出一截。",
        "团队负责人说，下一步将与两家企业合作，在今年夏天之前完成中试，并公开全部数据。",
    ]

    static func text(of record: PageRecord) -> String {
        record.articles.flatMap(\.paragraphs).joined().filter { !$0.isWhitespace }
    }

    static let body = paragraphs.joined(separator: "\n")
    static let bodyCharacters = paragraphs.joined().filter { !$0.isWhitespace }

    /// The body broken into lines elsewhere (after 20 characters of each paragraph).
    static let rebroken: String = paragraphs.map { (p: String) -> String in
        String(p.prefix(20)) + "\n" + String(p.dropFirst(20))
    }.joined(separator: "\n")

    /// The second copy broken into lines elsewhere, or run together, or with half-width
    /// spaces between sentences, is the same text once whitespace is ignored.
    @Test(arguments: [body, paragraphs.joined(), paragraphs.joined(separator: " "), rebroken])
    func bodyPastedTwiceKeepsOneCopy(secondCopy: String) throws {
        let page = "电池新材料通过低温测试\n" + Self.body + "\n" + secondCopy + "\n"
        let record = try #require(Cleaning.record(page))
        #expect(Self.text(of: record) == Self.bodyCharacters)
        let repeated = record.removed.filter { $0.kind == .repeatedText }
        #expect(repeated.map { $0.text.filter { !$0.isWhitespace } }.joined() == Self.bodyCharacters)
        #expect(CoverageCheck.problems(record).isEmpty)
    }

    /// A repeat that starts inside a line is cut where it starts.
    ///
    /// THUCNews' shape: the second copy glued to a teaser inside one line.
    @Test func repeatStartingInsideALineIsCutThere() throws {
        let teaser = "相关阅读：电池产业迎来新机遇"
        let page = "电池新材料通过低温测试\n本报讯 " + Self.body + "\n" + teaser + Self.paragraphs.joined() + "\n"
        let record = try #require(Cleaning.record(page))
        let kept = Self.text(of: record)
        #expect(kept.hasSuffix(teaser))
        #expect(kept.split(separator: "显").count == 2)  // "显" is in one sentence only: one copy left
        #expect(record.removed.filter { $0.kind == .repeatedText }.count == 1)
        #expect(CoverageCheck.problems(record).isEmpty)
    }

    /// A long article (this body and two others) whose last paragraph repeats its first:
    /// the repeat is under a quarter of it.
    static let longWithEcho: String = [
        body,
        "到了春天，工厂开始试生产，第一批样品被送往北方的三个城市，在公交车上进行实地检验。",
        "检验持续了整整两个月，工程师每天记录车辆的续航、充电时间和电池表面的温度变化情况。",
        "最终的报告说明，新材料在寒冷地区的表现稳定，充电速度也没有因为低温而明显下降。",
        "专家认为，这项成果如果能够量产，将为北方城市推广电动公交车提供一个可靠的选择。",
        paragraphs[0],
    ].joined(separator: "\n")

    /// Articles that only echo a phrase, or whose repeated part is a small share of them,
    /// stay whole.
    @Test(arguments: [
        // A closing line that repeats a short earlier sentence (under 50 characters).
        body + "\n" + "结果显示，这种材料在零下二十度时的容量保持率超过百分之八十。",
        longWithEcho,
        body,
    ])
    func echoesAndShortRepeatsStay(body: String) throws {
        let record = try #require(Cleaning.record("电池新材料通过低温测试\n" + body))
        #expect(!record.removed.contains { $0.kind == .repeatedText })
        #expect(Self.text(of: record) == body.filter { !$0.isWhitespace })
    }

    /// Cleaning the kept text again takes nothing more out, and a text that repeats one
    /// character thousands of times is handled in bounded work with an exact repeat if any.
    @Test func idempotentAndBoundedOnPeriodicText() throws {
        let first = try #require(Cleaning.record("电池新材料通过低温测试\n" + Self.body + "\n" + Self.body + "\n"))
        let again = try #require(Cleaning.record(first.articles.flatMap(\.paragraphs).joined(separator: "\n")))
        #expect(!again.removed.contains { $0.kind == .repeatedText })
        let laughter = String(repeating: "哈", count: 20_000) + "。\n" + String(repeating: "哈", count: 20_000) + "。"
        let record = try #require(Cleaning.record(laughter))
        #expect(CoverageCheck.problems(record).isEmpty)
    }
}
