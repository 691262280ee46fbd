import Foundation
import Testing
import Winnow
import WinnowTesting

/// `examples/sample-portal-page.txt`, the README's ordinary-page example (written for the
/// repository), gives the structure a reader sees in it.
struct SamplePortalPageTests {
    @Test func exampleGivesItsArticle() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("examples/sample-portal-page.txt")
        let record = try #require(PageCleaner().clean(Array(try Data(contentsOf: url))).record)
        let article = try #require(record.articles.first)
        #expect(record.articles.count == 1)
        #expect(article.title == "城市公园新增夜间开放时段")
        #expect(article.outlet == "新华社")
        #expect(article.author == "张远")
        #expect(article.editor == "刘宁")
        #expect(article.published == "2024-03-05 10:21")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs.first?.hasPrefix("记者从市园林部门了解到") == true)
        #expect(article.paragraphs.last?.hasSuffix("现在终于可以带孩子来走一走了。") == true)
        #expect(record.links.map(\.title) == ["公园绿地面积再创新高", "市民骑行道全线贯通", "春季花展本周末开幕"])
        #expect(
            Set(record.removed.map(\.kind)) == [.navigation, .login, .share, .pager, .linkList, .copyright])
        #expect(CoverageCheck.problems(record).isEmpty)
    }
}
