import Foundation
import Testing
import Winnow
import WinnowTesting

/// `../shared/examples/farm-page.txt` must give exactly the structure in
/// `farm-page.expected.json` (the shared examples are not copied into the repository).
@Suite(.enabled(if: SharedExamples.isAvailable, "needs ../shared/examples; skipped"))
struct ExamplePageTests {
    static let directory = SharedExamples.directory

    @Test func matchesTheExpectedStructure() throws {
        let page = try Data(contentsOf: Self.directory.appendingPathComponent("farm-page.txt"))
        let expectedData = try Data(contentsOf: Self.directory.appendingPathComponent("farm-page.expected.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let record = try #require(PageCleaner().clean(Array(page)).record)

        #expect(record.site == expected["site"] as? String)
        #expect(record.section == expected["section"] as? String)
        #expect(record.title == expected["title"] as? String)
        #expect(record.views == expected["views"] as? Int)
        let articles = try #require(expected["articles"] as? [[String: Any]])
        try #require(record.articles.count == articles.count)
        for (got, want) in zip(record.articles, articles) {
            #expect(got.title == want["title"] as? String)
            #expect(got.outlet == want["outlet"] as? String)
            #expect(got.author == want["author"] as? String)
            #expect(got.editor == want["editor"] as? String)
            #expect(got.via == want["via"] as? String)
            #expect(got.paragraphs == want["paragraphs"] as? [String])
        }
        let links = try #require(expected["links"] as? [[String: Any]])
        #expect(record.links == links.map { Link(title: $0["title"] as? String ?? "", views: $0["views"] as? Int) })
        let kinds = try #require(expected["removed_kinds"] as? [String])
        #expect(Set(record.removed.map(\.kind.rawValue)) == Set(kinds))
        #expect(CoverageCheck.problems(record).isEmpty)
    }
}
