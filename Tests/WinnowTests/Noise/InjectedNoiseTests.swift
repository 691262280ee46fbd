import Foundation
import Testing
import Winnow
import WinnowTesting

/// The noise model removes injected characters by their pattern, whatever the palette and
/// period, and keeps emoji that people wrote.
@Suite struct InjectedNoiseTests {
    /// Prose written for these tests: CJK with Latin words and numbers, four paragraphs.
    static let paragraphs = [
        "去年冬天，研究团队在实验室里测试了一种新的电池材料。",
        "结果显示，在零下二十度的环境中，这种材料的容量保持率超过百分之八十，充电时间缩短了三分之一。",
        "负责人表示，下一步将与 OpenAI 等机构合作，用 AI 模型加速材料筛选，并在 2026 年完成中试。",
        "业内人士认为，这项研究有望缩短新材料从实验室走向市场的时间。不过也有专家提醒，实验室数据与量产之间仍有不小的距离。",
    ]
    static let prose = paragraphs.joined(separator: " ")

    static func body(_ noisy: String) throws -> Article {
        let record = try #require(Cleaning.record("标题\n" + noisy + "\n"))
        #expect(CoverageCheck.problems(record).isEmpty)
        return try #require(record.articles.first)
    }

    @Test(arguments: [
        (["😀", "🤔", "👍🏽", "👨‍👩‍👧", "1️⃣", "🇨🇳", "❤️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"], 23),  // emoji of every shape
        (["🙂"], 41),  // a palette of one, long period
        (["\u{200B}"], 13),  // zero-width space
        (["\u{2060}", "\u{FEFF}"], 37),  // word joiner, BOM
        (["◆", "▲", "\u{E000}", "①"], 31),  // rare symbols and private use
        (["⭐", "✨", "💫", "🌙", "☀️"], 11),  // dense
    ])
    func removesInjectedUnitsExactly(units: [String], period: Int) throws {
        let noisy = Cleaning.inject(Self.prose, units: units, every: period)
        let article = try Self.body(noisy)
        #expect(article.paragraphs == Self.paragraphs)
        let sites = (Self.prose.unicodeScalars.count - 1 - period) / period + 1
        #expect(article.noise.removed == sites)
        let measured = try #require(article.noise.period)
        #expect(abs(measured - Double(period)) < 0.01)
    }

    @Test func reportsTheCountAndPeriod() throws {
        let noisy = Cleaning.inject(Self.prose, units: ["😀", "🤔", "👍"], every: 20)
        let article = try Self.body(noisy)
        let sites = (Self.prose.unicodeScalars.count - 1 - 20) / 20 + 1
        #expect(article.noise.removed == sites)
        let period = try #require(article.noise.period)
        #expect(abs(period - 20) < 0.01)
        #expect(article.noise.confidence > 0.9)
    }

    @Test func removesAnEmojiInsideALatinWord() throws {
        let noisy = Cleaning.inject(Self.prose, units: ["😀", "🤔"], every: 25)
            .replacingOccurrences(of: "OpenAI", with: "Op😀enAI")
        let article = try Self.body(noisy)
        #expect(article.paragraphs[2].contains("OpenAI"))
        #expect(article.paragraphs == Self.paragraphs)
    }

    @Test func collapsesTheSpaceARemovalLeaves() throws {
        // A unit between two spaces must not leave two spaces behind.
        let noisy = Cleaning.inject(Self.prose, units: ["🎉"], every: 19).replacingOccurrences(
            of: "与 OpenAI", with: "与 🎉 OpenAI")
        let article = try Self.body(noisy)
        #expect(article.paragraphs[2].contains("与 OpenAI"))
    }

    @Test(arguments: [
        "太好笑了😂😂",
        "今天终于放假了😂我要回家睡觉💤明天再说吧😴",
        "周末去爬山，风景太美了🌄🌄 下次还要去！",
        "加油💪💪💪 我们一定能赢",
        "第一步①准备材料②清洗③切块④下锅",
        "打卡✅ 早起✅ 跑步✅ 读书✅",
        "رفتم می‌خواهم به خانه بروم و می‌روم",
    ])
    func keepsWrittenEmoji(post: String) throws {
        let record = try #require(Cleaning.record(post))
        let kept = record.articles.map(\.text).joined()
        #expect(TruthComparison.withoutWhitespace(kept) == TruthComparison.withoutWhitespace(post))
        #expect(record.removed.isEmpty)
    }

    @Test func keepsAnEmojiBeforeAHeadlineOnANoisyPage() throws {
        let noisy = Cleaning.inject(Self.prose, units: ["😀", "🤔", "👍"], every: 22)
        let page = "标题\n\(noisy)\n推荐阅读\n🔥这座小城的早市火了\n5230\n社区食堂开到了家门口🔥\n3121\n"
        let record = try #require(Cleaning.record(page))
        #expect(record.links.map(\.title) == ["🔥这座小城的早市火了", "社区食堂开到了家门口🔥"])
        #expect(record.articles.first?.paragraphs == Self.paragraphs)
    }

    @Test func cleaningIsIdempotent() throws {
        for page in FarmPageGenerator.samplePages(count: 60, seed: 5) {
            let first = try #require(Cleaning.record(page.text))
            for article in first.articles {
                // The clean body, flattened again the way farms flatten it.
                let again = try #require(Cleaning.record(article.paragraphs.joined(separator: " ")))
                #expect(again.articles.flatMap(\.paragraphs) == article.paragraphs)
                #expect(again.removed.isEmpty, "re-cleaning removed \(again.removed.map(\.kind.rawValue))")
            }
        }
    }
}
