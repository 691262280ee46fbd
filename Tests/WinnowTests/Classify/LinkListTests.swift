import Testing
import Winnow
import WinnowTesting

/// "Read next" blocks become links with their view counts.
@Suite struct LinkListTests {
    static let body = "去年冬天，研究团队在实验室里测试了一种新的电池材料。 结果显示，这种材料的容量保持率超过百分之八十。"

    @Test(arguments: ["推荐阅读", "相关阅读", "热门推荐", "猜你喜欢", "延伸阅读：", "精彩推荐:"])
    func headerVariants(header: String) throws {
        let page = "标题\n\(Self.body)\n\(header)\n社区食堂开到了家门口\n3121\n这座小城的早市火了\n5230\n"
        let record = try #require(Cleaning.record(page))
        #expect(record.links == [Link(title: "社区食堂开到了家门口", views: 3121), Link(title: "这座小城的早市火了", views: 5230)])
        #expect(record.removed.map(\.kind) == [.linkList])
        #expect(record.articles.count == 1)
    }

    @Test func countsOnTheHeadlineLineOrNone() throws {
        let page = "标题\n\(Self.body)\n猜你喜欢\n社区食堂开到了家门口 1.2万\n旧书市集回来了\n夜跑的人多了，绿道怎么管？ 88\n"
        let record = try #require(Cleaning.record(page))
        #expect(
            record.links == [
                Link(title: "社区食堂开到了家门口", views: 12000), Link(title: "旧书市集回来了", views: nil),
                Link(title: "夜跑的人多了，绿道怎么管？", views: 88),
            ])
    }

    @Test func aHeaderWithoutHeadlinesIsText() throws {
        let record = try #require(Cleaning.record("标题\n\(Self.body)\n推荐阅读\n"))
        #expect(record.links.isEmpty)
    }
}
