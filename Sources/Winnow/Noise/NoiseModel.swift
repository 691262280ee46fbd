internal import Glibc

/// Decides, for each ``NoiseFamily`` on a page, whether its characters were injected.
///
/// The decision is a likelihood ratio over the page's sites of that family, never a palette
/// or a period (DESIGN.md §3.1):
/// - **Placement.** A random injector lands wherever text is: mostly between two letters,
///   often right after a comma. Writers put emoji and symbols at the edges of clauses: after
///   a sentence end or a space, or just before punctuation. Each site scores by where it sits
///   (``NoiseSite/placementEvidence``); splitting a Latin word (`Op😀enAI`) is near-proof.
/// - **Runs.** Injectors insert one unit per site; people repeat (`😂😂😂`): 19% of Weibo
///   emoji sites are runs.
/// - **Palette.** Injectors draw from a palette; people repeat one emoji as a refrain
///   (`…😔终究…😔终究…😔`) or number a list in order (`①…②…③`). Three or more sites all of one
///   unit weigh against injection, and enclosed numbers in increasing order rule it out.
/// - **Regular spacing.** Injected sites follow a period with jitter: the coefficient of
///   variation (CV) of the gaps stays under about 0.6 for jitter up to ±100%; clustered human
///   use gives a CV near or above 1.
/// - **Punctuation.** Emoji that stand in for punctuation leave the text around them with
///   almost none (``PunctuationRate``); injected ones are added to punctuated prose.
/// - **Density.** Periods from about 6 to 120 characters are plausible; denser sites
///   (`致哀🙏致敬🙏追悼🙏`) are decoration, and a single site is never enough to decide.
///
/// Sites at a line's edge carry no placement evidence (a `🔥` before a headline) and are not
/// counted; they are removed only on lines that also carry injected sites.
struct NoiseModel {
    /// The verdict for one family on one page.
    struct Verdict: Sendable {
        var family: NoiseFamily
        var isInjected: Bool
        /// Probability that the family's sites were injected (the logistic of the score).
        var probability: Double
        /// Mean gap between consecutive sites, in characters (`nil` with fewer than two).
        var meanGap: Double?
        /// Not injected, but would be on a farm page: worth a second look once the page's
        /// structure is known.
        var isAmbiguous: Bool
    }

    /// Log-odds at which a family is judged injected: probability ≥ 0.88.
    static let threshold = 2.0

    /// Prior log-odds per family.
    ///
    /// Zero-width characters have no legitimate use between CJK
    /// or Latin letters (their uses in Arabic and Indic scripts score as written, see
    /// ``NoiseSite/placementEvidence``); emoji and symbols have many.
    static func prior(_ family: NoiseFamily) -> Double {
        switch family {
        case .emoji: -2.0
        case .symbol: -2.0
        case .invisible: 0.5
        }
    }

    /// Log-odds added when the page shows the structure of a farm page (a fold marker, a
    /// portal footer, a doubled byline, keyword stuffing, a link list).
    ///
    /// News prose on such a
    /// page carries no emoji of its own, so injection is taken to be about 30 times likelier
    /// there than on an arbitrary page (e^3.5 ≈ 33), and a single mid-word site decides.
    static let farmContextBonus = 3.5

    /// Judges every family that has at least one site on the page whose bytes are `p`.
    ///
    /// - Parameter onFarmPage: Whether the page shows farm structure (see
    ///   ``farmContextBonus``).
    /// - Parameter punctuation: Marks and scalars of each line (from ``NoiseScanner``).
    static func judge(
        _ sites: [NoiseSite], punctuation: [(marks: Int, scalars: Int)], onFarmPage: Bool = false
    ) -> [Verdict] {
        NoiseFamily.allCases.compactMap { family in
            judge(sites, family: family, punctuation: punctuation, onFarmPage: onFarmPage)
        }
    }

    static func judge(
        _ sites: [NoiseSite], family: NoiseFamily, punctuation lineCounts: [(marks: Int, scalars: Int)],
        onFarmPage: Bool
    ) -> Verdict? {
        var score = prior(family) + (onFarmPage ? farmContextBonus : 0)
        var interior = 0
        var gaps = GapStatistics()
        var previous: NoiseSite?
        var seen = false
        var palette = Palette()
        var punctuation = (marks: 0, scalars: 0)
        var lastCountedLine = -1
        for site in sites where site.family == family {
            seen = true
            palette.add(site)
            if site.line != lastCountedLine {
                punctuation.marks += lineCounts[site.line].marks
                punctuation.scalars += lineCounts[site.line].scalars
                lastCountedLine = site.line
            }
            if let previous, previous.line == site.line {
                gaps.add(Double(site.cleanPosition - previous.cleanPosition))
            }
            previous = site
            if site.atLineEdge { continue }
            interior += 1
            // Per-site log likelihood ratios: P(feature | injected) / P(feature | written).
            score += site.placementEvidence
            score += site.units == 1 ? 0.2 : -2.9
        }
        guard seen else { return nil }
        if gaps.count >= 2, let cv = gaps.coefficientOfVariation {
            // Regularity evidence grows with the number of gaps, up to five.
            score += 2.5 * (0.8 - cv) * Double(min(gaps.count, 6)) / 2.0
        }
        if let mean = gaps.mean, gaps.count >= 1, !(6.0...120.0).contains(mean) {
            score -= 6.0
        }
        if family != .invisible {
            // Emoji standing in for punctuation: the text around them has almost none.
            let rate = Double(punctuation.marks) / Double(max(1, punctuation.scalars))
            if rate < 0.03 { score -= 3.0 } else if rate < 0.05 { score -= 1.5 }
            if palette.sites >= 3, palette.isSingleUnit { score -= 1.5 }
            if palette.sites >= 2, palette.isCountingUp { score -= 10 }
        }
        if interior == 0 || (interior == 1 && family != .invisible && !onFarmPage) { score = min(score, -4.0) }
        let probability = 1.0 / (1.0 + exp(-score))
        return Verdict(
            family: family, isInjected: score >= threshold, probability: probability, meanGap: gaps.mean,
            isAmbiguous: score < threshold && score + farmContextBonus >= threshold)
    }
}

/// What a family's sites on a page are made of: one unit repeated, or numbers counting up.
struct Palette: Sendable {
    private(set) var sites = 0
    private var first: UInt64?
    private(set) var isSingleUnit = true
    private var lastNumber: UInt32?
    private(set) var isCountingUp = true

    /// Adds a site; its first scalar and byte length identify its unit.
    mutating func add(_ site: NoiseSite) {
        sites += 1
        let key = UInt64(truncatingIfNeeded: site.firstScalar) << 8 | UInt64(site.range.count)
        if let first, first != key { isSingleUnit = false }
        if first == nil { first = key }
        // Enclosed numbers ①…⑳ (U+2460–2473) in increasing order number a list.
        let v = site.firstScalar
        if (0x2460...0x2473).contains(v), lastNumber.map({ v > $0 }) ?? true {
            lastNumber = v
        } else {
            isCountingUp = false
        }
    }
}

/// Running mean and variance of the gaps between sites (Welford's method).
struct GapStatistics: Sendable {
    private(set) var count = 0
    private var runningMean = 0.0
    private var m2 = 0.0

    mutating func add(_ x: Double) {
        count += 1
        let delta = x - runningMean
        runningMean += delta / Double(count)
        m2 += delta * (x - runningMean)
    }

    var mean: Double? { count > 0 ? runningMean : nil }

    var coefficientOfVariation: Double? {
        guard count >= 2, runningMean > 0 else { return nil }
        return (m2 / Double(count - 1)).squareRoot() / runningMean
    }
}
