/// Removes blocks that enumerate instead of telling: lists of regions
/// (`山东省:济南市:(历下区、市中区、…)`), of products, of keywords.
///
/// Structure, not a list of provinces: at least five short items (mean under 6.5 characters)
/// separated by at least four enumeration marks (`、`, `,`, `，`, `/`), no sentence-final
/// punctuation, and few grammatical words (的, 了, 是, …; under 8% of Han characters: place names such as
/// `从化区` or `和平区` contain some).
/// Prose that enumerates (`…包括济南、青岛、淄博等城市。`) has a predicate and a full stop.
enum KeywordStuffingRule {
    static func matches(_ f: LineFeatures) -> Bool {
        f.items >= 5 && f.separators >= 4 && f.finalPunct == 0 && f.meanItemLength <= 6.5
            && f.functionWordRate < 0.08
    }
}
