import Foundation
import Testing
@testable import Winnow
import WinnowTesting

/// The placement log-likelihood ratios coded in ``NoiseSite/placementEvidence`` must match
/// what the data says: injected sites measured on farm pages generated from real news,
/// written sites on real Weibo posts.
///
/// Prints the table recorded in BENCHMARKS.md.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data (set WINNOW_SHARED_DATA); skipped"))
struct NoiseCalibrationTests {
    enum Placement: String, CaseIterable {
        case midWord = "between two letters or digits"
        case afterClause = "after clause punctuation, before a letter"
        case beforePunct = "before punctuation"
        case nearSpace = "next to a space, after a sentence end"
    }

    static func placement(_ s: NoiseSite) -> Placement? {
        if s.atLineEdge || s.isInsideLatinWord { return nil }
        if s.isMidWord { return .midWord }
        if s.before == .space || s.after == .space || s.before == .finalPunct { return .nearSpace }
        if s.before == .punct, s.after.isWordCharacter { return .afterClause }
        return .beforePunct
    }

    static func sites(_ text: String) -> [NoiseSite] {
        let bytes = Array(text.utf8)
        var sites: [NoiseSite] = []
        bytes.withUnsafeBufferPointer { p in
            for (i, line) in LineSplitter.lines(p).enumerated() {
                NoiseScanner.scan(p, line: i, range: line, into: &sites)
            }
        }
        return sites
    }

    static func shares(_ sites: [NoiseSite]) -> [Placement: Double] {
        let placed = sites.compactMap(placement)
        var out: [Placement: Double] = [:]
        for p in Placement.allCases { out[p] = Double(placed.filter { $0 == p }.count) / Double(max(1, placed.count)) }
        return out
    }

    @Test func placementRatiosMatchTheData() throws {
        var written: [NoiseSite] = []
        for file in SharedData.weiboPosts {
            for r in try SharedData.records(file) {
                written += Self.sites(r["text"] as? String ?? "").filter { $0.family == .emoji }
            }
        }
        let news = try SharedData.records(SharedData.newsArticles).prefix(600).compactMap {
            r -> FarmPageGenerator.SourceArticle? in
            guard let title = r["title"] as? String, let body = r["body"] as? String else { return nil }
            return .init(title: title, paragraphs: body.split(separator: "\n").map(String.init))
        }
        var generator = FarmPageGenerator(seed: 31)
        var injected: [NoiseSite] = []
        for article in news {
            let page = generator.page(articles: [article])
            // Only the body line carries injected sites; the news itself has almost none.
            injected += Self.sites(page.text).filter { !$0.atLineEdge }
        }
        let w = Self.shares(written)
        let i = Self.shares(injected)
        print("placement | injected | written | ln ratio | coded")
        for placement in Placement.allCases {
            let measured = log(max(1e-3, i[placement] ?? 0) / max(1e-3, w[placement] ?? 0))
            let probe = NoiseSite.probe(placement: placement)
            print(
                "\(placement.rawValue) | \(String(format: "%.3f", i[placement] ?? 0)) | \(String(format: "%.3f", w[placement] ?? 0)) | \(String(format: "%+.2f", measured)) | \(String(format: "%+.2f", probe.placementEvidence))"
            )
            #expect(abs(measured - probe.placementEvidence) < 0.6, "\(placement.rawValue): measured \(measured)")
        }
        print("sites: \(injected.count) injected, \(written.count) written")
        #expect(written.count > 400)
    }
}

extension NoiseSite {
    /// A site with the given placement, to read the coded evidence for it.
    static func probe(placement: NoiseCalibrationTests.Placement) -> NoiseSite {
        let (before, after): (ScalarClass, ScalarClass) =
            switch placement {
            case .midWord: (.han, .han)
            case .afterClause: (.punct, .han)
            case .beforePunct: (.han, .punct)
            case .nearSpace: (.han, .space)
            }
        return NoiseSite(
            range: 0..<4, family: .emoji, units: 1, firstScalar: 0x1F600, line: 0, cleanPosition: 0, before: before,
            after: after, atLineEdge: false)
    }
}
