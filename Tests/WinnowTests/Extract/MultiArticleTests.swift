import Testing
import Winnow
import WinnowTesting

/// Several articles on one page come back as separate articles with their own bylines.
@Suite struct MultiArticleTests {
    static let one = "去年冬天，研究团队在实验室里测试了一种新的电池材料。 结果显示，这种材料的容量保持率超过百分之八十。"
    static let two = "清晨五点半，河边的早市已经热闹起来。 豆浆、油条、现蒸的米糕，一路摆开将近两百米。"
    static let stuffing = "四川省：成都市：（锦江区、青羊区、金牛区、武侯区、成华区、龙泉驿区）"

    @Test func separatedByStuffing() throws {
        let page = "新电池材料通过低温测试\n文 | 城市观察 \(Self.one)\n\(Self.stuffing)\n\(Self.two)\n"
        let record = try #require(Cleaning.record(page))
        #expect(record.articles.count == 2)
        #expect(record.articles.map(\.title) == ["新电池材料通过低温测试", nil])
        #expect(record.articles.map(\.outlet) == ["城市观察", nil])
        #expect(record.articles.map(\.id) == ["\(record.id)#1", "\(record.id)#2"])
    }

    @Test func toldApartByAByline() throws {
        let page = "新电池材料通过低温测试\n\(Self.one)\n来源：晨光日报 \(Self.two)\n"
        let record = try #require(Cleaning.record(page))
        #expect(record.articles.count == 2)
        #expect(record.articles[1].outlet == "晨光日报")
    }

    @Test func secondArticleWithItsOwnTitle() throws {
        let page = "新电池材料通过低温测试\n\(Self.one)\n\(Self.stuffing)\n这座小城的早市火了\n\(Self.two)\n"
        let record = try #require(Cleaning.record(page))
        #expect(record.articles.map(\.title) == ["新电池材料通过低温测试", "这座小城的早市火了"])
        #expect(record.articles[1].paragraphs.first == "清晨五点半，河边的早市已经热闹起来。")
    }

    @Test func aFooterEndsAnArticle() throws {
        let page = "新电池材料通过低温测试\n\(Self.one)返回搜狐,查看更多\n\(Self.two)\n"
        let record = try #require(Cleaning.record(page))
        #expect(record.articles.count == 2)
        #expect(record.articles.map(\.via) == ["搜狐", nil])
    }
}
