/// Chooses which runs of prose (``ProseSegments``) are the page's article text.
///
/// The rules, in the order a reader applies them:
/// - **Walls.** A related-links header followed by links (`相关新闻`, `你可能还想看`), a
///   link list the farm rules found, and a copyright footer end the article part of a page:
///   what follows them is teasers, sidebars and dialogs.
/// - **The main run** is the best run before the first wall, unless the page puts the
///   article after a wall (a sidebar first): then a much better run later wins.
/// - **Other runs** are kept when they are large (beside the main run, or on their own),
///   in the main run's script, and between the main run and the next wall; a run above the
///   main run must be comparable to it (two articles), since what sits above an article is
///   mostly chrome (tooltips, teasers).
enum RunSelection {
    /// Before-the-wall runs win unless a later run is this many times better.
    static let laterRunAdvantage = 8
    /// A run below the main one is kept when its sum is at least the main run's divided by
    /// this, or at least ``largeRun``.
    static let belowDivisor = 4
    /// A run above the main one is kept when its sum is at least the main run's divided by
    /// this, and at least ``largeRun``.
    static let aboveDivisor = 2
    static let largeRun = 200

    static func select(
        _ runs: [ProseSegments.Segment], blocks: [BlockScore?], roles: [LineRole]
    ) -> [ProseSegments.Segment] {
        guard let overall = runs.max(by: { $0.sum < $1.sum }) else { return [] }
        let walls = roles.indices.filter { isWall($0, blocks: blocks, roles: roles) }
        let firstWall = walls.first ?? roles.count
        let beforeWall = runs.filter { $0.lines.upperBound <= firstWall }.max { $0.sum < $1.sum }
        let main =
            beforeWall.map { $0.sum * laterRunAdvantage >= overall.sum ? $0 : overall } ?? overall
        let nextWall = walls.first { $0 >= main.lines.upperBound } ?? roles.count
        let mainIsLatin = isLatin(main, blocks)
        return runs.filter { run in
            if run == main { return true }
            guard isLatin(run, blocks) == mainIsLatin else { return false }
            if run.lines.lowerBound >= main.lines.upperBound {
                return run.lines.upperBound <= nextWall
                    && (run.sum * belowDivisor >= main.sum || run.sum >= largeRun)
            }
            let previousWall = walls.last { $0 < main.lines.lowerBound } ?? -1
            return run.lines.lowerBound > previousWall && run.sum * aboveDivisor >= main.sum && run.sum >= largeRun
        }
    }

    /// Whether line `k` ends the article part of the page.
    static func isWall(_ k: Int, blocks: [BlockScore?], roles: [LineRole]) -> Bool {
        if roles[k] == .linkList { return true }
        guard let block = blocks[k], let cue = block.cue else { return false }
        if cue == .copyright { return true }
        guard cue == .relatedLinks, block.letters <= 12 else { return false }
        // A header with links under it; `相关稿件` right above the article text is not one.
        let next = blocks[(k + 1)...].prefix(2)
        return next.count == 2 && next.allSatisfy { $0.map { !$0.isProse } ?? false }
    }

    /// Whether most letters of the run's lines are Latin.
    static func isLatin(_ run: ProseSegments.Segment, _ blocks: [BlockScore?]) -> Bool {
        var latin = 0
        var letters = 0
        for k in run.lines {
            latin += blocks[k]?.latin ?? 0
            letters += blocks[k]?.letters ?? 0
        }
        return 2 * latin > letters
    }
}
