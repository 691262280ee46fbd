internal import Glibc

/// A naive Bayes model over character 1-, 2- and 3-grams that tells apart the languages of
/// one script, learnt at first use from ``LanguageSamples``.
///
/// Why this shape: scripts already separate most of the languages Winnow reports (Han,
/// kana, hangul, Cyrillic, Arabic, Latin: ``LanguageIdentifier``). What they cannot
/// separate is English from the other Latin-script languages, Russian from Ukrainian or
/// Bulgarian, Arabic from Persian, and short character n-grams are what does that best
/// for the least (`the`, `ij`, `ść`, `ы`, `ی`). The n-grams are hashed into
/// 2^``bucketBits`` buckets per language, smoothed with add-one-half, and stored as one
/// 16-lane vector per bucket (a language per lane, at most 16 per script): scoring one
/// n-gram is one aligned 64-byte load and one vector add, for every language at once.
struct CharacterNGramModel: Sendable {
    /// The script groups with a model; each chooses only among its own languages.
    enum ScriptGroup: Sendable { case latin, cyrillic, arabic }

    static let bucketBits = 13
    static let buckets = 1 << bucketBits
    /// Letters read from a text at most: enough for a confident answer, bounded cost.
    static let maxLetters = 1_000

    /// The language codes, in sample order (lane order).
    let languages: [String]
    /// log P(bucket | language) for each bucket, a language per lane; unused lanes are 0
    /// and never read.
    private let logProbabilities: [SIMD16<Float>]

    init(samples: [(String, String)]) {
        precondition(samples.count <= 16, "CharacterNGramModel: at most 16 languages per script")
        languages = samples.map(\.0)
        var table = [SIMD16<Float>](repeating: .zero, count: Self.buckets)
        for (l, (_, text)) in samples.enumerated() {
            var counts = [Int](repeating: 0, count: Self.buckets)
            var total = 0
            Self.forEachNGram(in: [text], maxLetters: .max) { bucket in
                counts[bucket] += 1
                total += 1
            }
            let denominator = Double(total) + 0.5 * Double(Self.buckets)
            for b in 0..<Self.buckets {
                table[b][l] = Float(log((Double(counts[b]) + 0.5) / denominator))
            }
        }
        logProbabilities = table
    }

    /// The models, built once on first use.
    static let latin = CharacterNGramModel(samples: LanguageSamples.samples(for: .latin))
    static let cyrillic = CharacterNGramModel(samples: LanguageSamples.samples(for: .cyrillic))
    static let arabic = CharacterNGramModel(samples: LanguageSamples.samples(for: .arabic))

    static func model(for group: ScriptGroup) -> CharacterNGramModel {
        switch group {
        case .latin: latin
        case .cyrillic: cyrillic
        case .arabic: arabic
        }
    }

    /// The posterior probability of each of ``languages`` for `paragraphs`.
    ///
    /// The 1-, 2- and 3-grams of one letter are far from independent, so their summed log
    /// likelihoods are divided by three before they become a posterior; otherwise a dozen
    /// words would already look certain.
    func posteriors(_ paragraphs: [String]) -> [Double] {
        var vector = SIMD16<Float>.zero
        logProbabilities.withUnsafeBufferPointer { table in
            Self.forEachNGram(in: paragraphs, maxLetters: Self.maxLetters) { bucket in vector += table[bucket] }
        }
        let sums = languages.indices.map { Double(vector[$0]) }
        let top = sums.max() ?? 0
        var weights = sums.map { exp(($0 - top) / 3) }
        let total = weights.reduce(0, +)
        for l in weights.indices { weights[l] /= total }
        return weights
    }

    /// Calls `body` with the bucket of every 1-, 2- and 3-gram of the letters of `texts`.
    ///
    /// Letters are lowercased, any run of non-letters read as one word boundary (which counts in
    /// the 2- and 3-grams: ` th`, `he `). Stops after `maxLetters` letters.
    @inline(__always)
    static func forEachNGram(in texts: [String], maxLetters: Int, _ body: (Int) -> Void) {
        let boundary: UInt32 = 0x20
        var previous: UInt32 = boundary, beforePrevious: UInt32 = 0
        var letters = 0
        func add(_ v: UInt32) {
            if v != boundary { body(bucket(v, 0, 0, n: 1)) }
            body(bucket(previous, v, 0, n: 2))
            if beforePrevious != 0 { body(bucket(beforePrevious, previous, v, n: 3)) }
            beforePrevious = previous
            previous = v
        }
        outer: for text in texts {
            for scalar in text.unicodeScalars {
                if let letter = lowercaseLetter(scalar.value) {
                    add(letter)
                    letters += 1
                    if letters >= maxLetters { break outer }
                } else if previous != boundary, !isJoiner(scalar.value) {
                    add(boundary)
                }
            }
            if previous != boundary { add(boundary) }
        }
        if previous != boundary { add(boundary) }
    }

    @inline(__always)
    private static func bucket(_ a: UInt32, _ b: UInt32, _ c: UInt32, n: UInt32) -> Int {
        var h: UInt32 = 0x811C_9DC5
        h = (h ^ n) &* 0x0100_0193
        h = (h ^ a) &* 0x0100_0193
        h = (h ^ b) &* 0x0100_0193
        h = (h ^ c) &* 0x0100_0193
        h ^= h >> 15
        return Int(h & UInt32(buckets - 1))
    }

    /// Marks that sit inside a word without being letters: apostrophes, the zero-width
    /// non-joiner Persian writes inside words, combining accents.
    private static func isJoiner(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x200C || (0x0300...0x036F).contains(v) || (0x064B...0x065F).contains(v)
    }

    /// `v` lowercased if it is a letter of a script the models know, else nil.
    ///
    /// A fold of its own rather than the Unicode tables: it runs per letter, and training and scoring
    /// need only agree with each other.
    static func lowercaseLetter(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF: return v
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return v + 0x20
        case 0x130: return 0x69
        case 0x178: return 0xFF
        case 0x100...0x137, 0x14A...0x177, 0x1E00...0x1EFF, 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x4FF:
            return v | 1
        case 0x139...0x148, 0x179...0x17E:
            return v & 1 == 1 ? v + 1 : v
        case 0x149, 0x17F...0x24F: return v
        case 0x410...0x42F: return v + 0x20
        case 0x400...0x40F: return v + 0x50
        case 0x430...0x45F, 0x4C0...0x4CF: return v
        case 0x391...0x3A9: return v + 0x20
        case 0x3AC...0x3CE: return v
        case 0x0621...0x064A, 0x0671...0x06D3: return v
        default: return nil
        }
    }
}
