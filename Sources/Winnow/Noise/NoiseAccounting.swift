/// Turns the noise model's decisions into what the page record reports: per-article
/// ``NoiseReport`` values and one removed span per injected site.
enum NoiseAccounting {
    /// The noise report of an article made of `lines`.
    static func report(
        lines: [Int], sites: [NoiseSite], injected: [NoiseSite], verdicts: [NoiseModel.Verdict]
    ) -> NoiseReport {
        // An article's lines are few and sorted: a linear `contains` beats hashing here.
        var units = 0
        var gaps = GapStatistics()
        var previous: NoiseSite?
        var injectedFamilies: [NoiseFamily] = []
        for site in injected where lines.contains(site.line) {
            units += site.units
            if !injectedFamilies.contains(site.family) { injectedFamilies.append(site.family) }
            if let previous, previous.line == site.line {
                gaps.add(Double(site.cleanPosition - previous.cleanPosition))
            }
            previous = site
        }
        func probability(_ family: NoiseFamily) -> Double? { verdicts.first { $0.family == family }?.probability }
        let confidence: Double
        if !injectedFamilies.isEmpty {
            confidence = injectedFamilies.compactMap(probability).max() ?? 1
        } else {
            let present = sites.filter { lines.contains($0.line) }.map(\.family)
            confidence = 1 - (present.compactMap(probability).max() ?? 0)
        }
        let period = gaps.mean.map { ($0 * 10).rounded() / 10 }
        return NoiseReport(removed: units, period: period, confidence: (confidence * 1000).rounded() / 1000)
    }

    /// Adds a removed span and a page span for each injected site, keeping both lists in page
    /// order.
    static func addRemovedSites(
        _ injected: [NoiseSite], kind: RemovalKind = .injectedNoise, source: [UInt8], to record: inout PageRecord
    ) {
        guard !injected.isEmpty else { return }
        for site in injected {
            let text = String(decoding: source[site.range], as: UTF8.self)
            record.removed.append(
                RemovedSpan(kind: kind, text: text, start: site.range.lowerBound, end: site.range.upperBound))
            record.spans.append(PageSpan(range: site.range, role: .removed(kind)))
        }
        record.removed.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        record.spans.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}
