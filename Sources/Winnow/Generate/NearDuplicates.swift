/// Near-duplicate material for dedup tests and benchmarks, from Winnow's own sample text.
///
/// ``syntheticArticles(count:seed:)`` makes many distinct articles out of the sample
/// sentences (4 to 6 paragraphs of 2 or 3 random sentences each), so different articles
/// share sentences — a hard case for precision — but rarely most of their text. ``variant(of:using:)`` makes a disguised copy the way
/// reposters edit: a paragraph cut, a sentence's end rewritten, or nothing (the page
/// generator then adds new noise, bylines and footers).
public enum NearDuplicates {
    ///
    /// With `scrambled`, each use of a sentence shuffles its characters (the final mark
    /// stays): distinct articles then share almost no character 5-grams, as distinct real
    /// articles do, while their copies still share all of theirs.
    public static func syntheticArticles(
        count: Int, seed: UInt64, scrambled: Bool = false
    ) -> [FarmPageGenerator.SourceArticle] {
        var rng = SplitMix64(seed: seed)
        let sentences = SampleArticles.all.flatMap(\.paragraphs).flatMap { paragraph in
            paragraph.split(separator: "。").map { $0 + "。" }
        }
        let titles = SampleArticles.headlines
        return (0..<count).map { k in
            let paragraphs = (0..<Int.random(in: 4...6, using: &rng)).map { _ in
                (0..<Int.random(in: 2...3, using: &rng)).map { _ in
                    let sentence = rng.pick(sentences)
                    guard scrambled else { return sentence }
                    return String(sentence.dropLast().shuffled(using: &rng)) + "。"
                }.joined()
            }
            return .init(title: titles[k % titles.count] + "（\(k)）", paragraphs: paragraphs)
        }
    }

    public static func variant(
        of article: FarmPageGenerator.SourceArticle, using rng: inout SplitMix64
    ) -> FarmPageGenerator.SourceArticle {
        var copy = article
        switch Int.random(in: 0..<3, using: &rng) {
        case 0 where copy.paragraphs.count >= 4:
            copy.paragraphs.remove(at: Int.random(in: 0..<copy.paragraphs.count, using: &rng))
        case 1:
            let k = Int.random(in: 0..<copy.paragraphs.count, using: &rng)
            copy.paragraphs[k] = String(copy.paragraphs[k].dropLast(6)) + "，记者了解到。"
        default:
            break
        }
        return copy
    }
}
