import Foundation
import Testing
import WinnowTesting

/// `winnow clean`, run as a user runs it: the built binary, its output and exit status.
@Suite struct CleanCommandTests {
    static let examplePage = Fixtures.repositoryRoot.appendingPathComponent("examples/sample-farm-page.txt").path

    @Test func cleansTheBundledExample() throws {
        let result = try BinaryRunner.run(["clean", Self.examplePage])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let articles = try #require(record["articles"] as? [[String: Any]])
        #expect(articles.count == 2)
        #expect(articles.first?["outlet"] as? String == "南方周刊")
        #expect(record["views"] as? Int == 56582)
        // One line of JSON per page, newline-terminated.
        #expect(result.stdout.filter { $0 == 0x0A }.count == 1)
    }

    @Test func readsStandardInput() throws {
        let page = try Data(contentsOf: URL(fileURLWithPath: Self.examplePage))
        let fromFile = try BinaryRunner.run(["clean", Self.examplePage])
        let fromStdin = try BinaryRunner.run(["clean", "-"], stdin: page)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test func explainMarksEveryRemovedKind() throws {
        let result = try BinaryRunner.run(["clean", "--explain", "--no-color", Self.examplePage])
        #expect(result.status == 0)
        let text = result.stdoutText
        for kind in [
            "injected-noise", "duplicate-byline", "fold-marker", "source-footer", "keyword-stuffing", "link-list",
            "page-header",
        ] {
            #expect(text.contains("[\(kind): "), "no \(kind) span in --explain output")
        }
        #expect(text.contains("article 2 of 2"))
        #expect(!text.contains("UNACCOUNTED"))
        #expect(!text.contains("\u{1B}["), "no colour codes when not a terminal")
    }

    @Test func missingFileIsAClearError() throws {
        let result = try BinaryRunner.run(["clean", "/nonexistent/page.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "winnow: /nonexistent/page.txt: no such file\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func emptyFileIsRejected() throws {
        let result = try BinaryRunner.run(["clean", "-"], stdin: Data(" \n\n\t\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr == "winnow: <stdin>: page has no text (empty)\n")
    }

    @Test func binaryGarbageIsRejected() throws {
        var rng = SystemRandomNumberGenerator()
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let result = try BinaryRunner.run(["clean", "-"], stdin: garbage)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("winnow: <stdin>: "))
        #expect(result.stderr.hasSuffix("(binary)\n"))
    }

    @Test func invalidUTF8IsReplacedAndCounted() throws {
        var bytes = Array("城市图书馆夜间开放一周年。".utf8)
        bytes.insert(0xFF, at: 6)
        bytes.append(contentsOf: [0xE4, 0xB8])  // truncated sequence at the end
        let result = try BinaryRunner.run(["clean", "-"], stdin: Data(bytes))
        #expect(result.status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(record["invalid_utf8"] as? Int == 2)
        #expect(result.stdoutText.contains("城市\u{FFFD}图书馆"))
    }

    @Test func pageOfOnlyALinkListHasNoArticle() throws {
        let page = "推荐阅读\n社区食堂开到了家门口\n3121\n这座小城的早市火了\n5230\n"
        let result = try BinaryRunner.run(["clean", "-"], stdin: Data(page.utf8))
        #expect(result.status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((record["articles"] as? [Any])?.isEmpty == true)
        #expect((record["links"] as? [Any])?.count == 2)
    }

    @Test func textOfOnlyEmojiIsKept() throws {
        let result = try BinaryRunner.run(["clean", "-"], stdin: Data("😂😂😂👍🔥\n".utf8))
        #expect(result.status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let articles = try #require(record["articles"] as? [[String: Any]])
        #expect(articles.first?["text"] as? String == "😂😂😂👍🔥")
    }

    /// A 50 MB single line finishes (no quadratic step) and gives one article.
    @Test(.timeLimit(.minutes(2))) func fiftyMegabyteLineFinishes() throws {
        let sentence = "夜间到馆人数从最初每晚不足两百人，增长到如今的四百五十人左右。"
        let count = 50_000_000 / sentence.utf8.count
        let page = Data(String(repeating: sentence, count: count).utf8)
        let result = try BinaryRunner.run(["clean", "-"], stdin: page)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.count > 45_000_000)
    }

    @Test func unknownFlagIsAUsageError() throws {
        let result = try BinaryRunner.run(["clean", "--prety", Self.examplePage])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--prety'"))
    }
}
