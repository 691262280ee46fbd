import Testing
import Winnow
import WinnowTesting

/// Fold markers and portal footers leave the text; the footer's portal becomes `via`.
@Suite struct MarkerTests {
    static let first = "去年冬天，研究团队在实验室里测试了一种新的电池材料。"
    static let last = "业内人士认为，这项研究有望缩短新材料走向市场的时间。"

    @Test(arguments: ["展开全文", "阅读全文", "点击展开全文", "展开剩余 85%", "展开剩余72%", "继续阅读", "查看全文"])
    func foldMarker(marker: String) throws {
        let record = try #require(Cleaning.record("\(Self.first) \(marker) \(Self.last)"))
        #expect(record.articles.first?.paragraphs == [Self.first, Self.last])
        #expect(record.removed.map(\.kind) == [.foldMarker])
        #expect(record.removed.first?.text == marker)
    }

    @Test func markerGluedToTheNextParagraph() throws {
        let record = try #require(Cleaning.record("\(Self.first) 展开全文\(Self.last)"))
        #expect(record.articles.first?.paragraphs == [Self.first, Self.last])
    }

    @Test func wordsOfAMarkerInProseStay() throws {
        // "阅读" and "全文" inside a sentence are not a marker.
        let prose = "他花了一个晚上阅读全文，才明白其中的道理。"
        let record = try #require(Cleaning.record("\(Self.first) \(prose)"))
        #expect(record.articles.first?.paragraphs == [Self.first, prose])
        #expect(record.removed.isEmpty)
    }

    @Test(arguments: [
        ("返回搜狐,查看更多", "搜狐"), ("返回网易，查看更多", "网易"), ("返回新浪首页", "新浪"), ("返回凤凰网查看更多", "凤凰网"),
        ("点击返回百家号，了解更多", "百家号"),
    ])
    func footer(footer: String, portal: String) throws {
        let record = try #require(Cleaning.record("\(Self.first) \(Self.last)\(footer)"))
        let article = try #require(record.articles.first)
        #expect(article.via == portal)
        #expect(article.paragraphs == [Self.first, Self.last])
        #expect(record.removed.map(\.kind) == [.sourceFooter])
    }

    @Test func footerWordsInsideTheTextStay() throws {
        let prose = "他决定返回家乡，查看更多的机会。"
        let record = try #require(Cleaning.record("\(Self.first) \(prose)"))
        #expect(record.articles.first?.via == nil)
        #expect(record.articles.first?.paragraphs.last == prose)
    }
}
