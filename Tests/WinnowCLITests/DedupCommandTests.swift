import Foundation
import Testing
import WinnowTesting

/// `winnow dedup` on the output of `winnow run`.
@Suite struct DedupCommandTests {
    static func dedup(_ input: URL, jobs: Int) throws -> (out: URL, manifest: [String: Any]) {
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", input.path, "-o", out.path, "-q", "-j", "\(jobs)"]).status == 0)
        let r = try BinaryRunner.run(["dedup", out.path, "-j", "\(jobs)"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: out.appendingPathComponent("dedup/manifest.json"))
        return (out, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    /// Generated pages carry copies of Winnow's eight sample articles: eight survive.
    @Test func oneCopyOfEachArticleAndEveryArticleAccountedFor() throws {
        let input = try RunCommandTests.corpus(pages: 150)
        let (out, manifest) = try Self.dedup(input, jobs: 2)
        let articles = try #require(manifest["articles"] as? Int)
        let kept = try #require(manifest["kept"] as? Int)
        let duplicates = try #require(manifest["duplicates"] as? Int)
        #expect(articles == kept + duplicates)
        #expect(kept == 8)
        #expect(manifest["conserved"] as? Bool == true)
        let keptLines = try RunCommandTests.lines(out.appendingPathComponent("dedup"), "articles")
        let dupLines = try RunCommandTests.lines(out.appendingPathComponent("dedup"), "dups")
        #expect(keptLines.count == kept)
        #expect(dupLines.count == duplicates)
        // Every dup names a kept article.
        let keptIds = Set(keptLines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String })
        for line in dupLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(keptIds.contains(object["dup_of"] as? String ?? ""))
        }
    }

    @Test func sameSurvivorsAtAnyThreadCount() throws {
        let input = try RunCommandTests.corpus(pages: 100)
        let (a, _) = try Self.dedup(input, jobs: 1)
        let (b, _) = try Self.dedup(input, jobs: 2)
        for kind in ["articles", "dups"] {
            let x = try RunCommandTests.lines(a.appendingPathComponent("dedup"), kind)
            let y = try RunCommandTests.lines(b.appendingPathComponent("dedup"), kind)
            #expect(x == y)
        }
    }
}
