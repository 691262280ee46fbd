import Testing
import Winnow
import WinnowTesting

/// The title line, the site/section line and the meta line become page metadata.
@Suite struct PageHeaderTests {
    static let body = "去年冬天，研究团队在实验室里测试了一种新的电池材料。 结果显示，这种材料的容量保持率超过百分之八十。"

    static func page(_ headerLines: [String]) throws -> PageRecord {
        try #require(Cleaning.record((["新电池材料通过低温测试"] + headerLines + [body]).joined(separator: "\n")))
    }

    @Test(
        arguments: [
            ("某某资讯网最新热点:新电池材料通过低温测试", "某某资讯网", "最新热点"),  // no separator: site ending 网
            ("城事在线社会新闻：新电池材料通过低温测试", "城事在线", "社会新闻"),  // ending 在线, full-width colon
            ("看点快报 > 科技前沿 新电池材料通过低温测试", "看点快报", "科技前沿"),  // breadcrumb separator
            ("晨读 - 生活服务 - 新电池材料通过低温测试", "晨读", "生活服务"),
            ("独家报道新电池材料通过低温测试", "独家报道", nil),  // no split point: section unknown
        ] as [(String, String, String?)])
    func siteAndSection(line: String, site: String, section: String?) throws {
        let record = try Self.page([line])
        #expect(record.title == "新电池材料通过低温测试")
        #expect(record.site == site)
        #expect(record.section == section)
        #expect(record.removed.map(\.kind) == [.pageHeader])
        #expect(record.articles.first?.title == "新电池材料通过低温测试")
    }

    @Test(
        arguments: [
            ("更新时间: 浏览次数:6612", nil, 6612),
            ("发布时间：2024-03-05 10:21 阅读量：1.2万", "2024-03-05 10:21", 12000),
            ("时间: 2019年06月01日 18:40 点击:87496", "2019-06-01 18:40", 87496),
            ("日期:2024/3/5 浏览:2,876", "2024-03-05", 2876),
            ("更新时间：2023.11.30 08:05:09", "2023-11-30 08:05:09", nil),
        ] as [(String, String?, Int?)])
    func updatedAndViews(line: String, updated: String?, views: Int?) throws {
        let record = try Self.page([line])
        #expect(record.updated == updated)
        #expect(record.views == views)
        #expect(record.removed.map(\.kind) == [.pageHeader])
    }

    @Test func unknownValuesAreNull() throws {
        let record = try #require(Cleaning.record(Self.body))
        #expect(record.title == nil)
        #expect(record.site == nil)
        #expect(record.updated == nil)
        #expect(record.views == nil)
        #expect(record.articles.first?.title == nil)
    }

    @Test func aLineThatOnlyLooksLikeMetaIsBody() throws {
        // A colon with a value that is not a date or a count is prose, not a meta line.
        let record = try Self.page(["时间：这一年过得很快"])
        #expect(record.updated == nil)
        #expect(!record.removed.contains { $0.kind == .pageHeader })
    }
}
