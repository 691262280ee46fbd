/// Finds the article among the chrome of an ordinary portal or forum page: navigation
/// menus, login boxes, share buttons, related headlines, pagers, footers.
///
/// Runs after the farm rules of ``LineClassifier`` on the lines they left as body:
/// 1. Each body line gets a ``BlockScore`` (prose counts its letters, chrome costs).
/// 2. ``ProseSegments`` finds the runs where prose outweighs chrome, worth at least
///    ``minimumSegment`` letters; ``RunSelection`` picks the article's (one on a news page,
///    several on a forum thread).
/// 3. Body lines outside those runs are removed with the role their cue names, or their
///    shape (short lines: navigation; headline-sized lines: related links; prose:
///    outside-article). Cue lines inside a run (a `分享到` between paragraphs) are removed
///    without splitting the article.
/// 4. Above each run, ``HeadlineRule`` finds the headline and ``DatelineRule`` the
///    publication time and bylines.
///
/// Pages of fewer than ``minimumLines`` lines (a post), and pages with fewer than
/// ``minimumChromeLines`` link-sized or cue lines (a farm page, whose blocks the farm rules
/// already name; a clean page of paragraphs) have no chrome to find and are left as they
/// are. A page with no run gives no article and says why.
enum BoilerplateStage {
    static let minimumLines = 5
    /// Menus, login boxes and footers come in several lines; fewer than this is no chrome.
    static let minimumChromeLines = 3
    /// The smallest run of prose that makes an article, in letters net of chrome.
    static let minimumSegment = 40

    static func apply(_ p: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], layout: inout LineClassifier.Layout) {
        guard lines.count >= minimumLines else { return }
        guard hasChrome(p, lines: lines, roles: layout.roles) else { return }
        var (blocks, scores) = score(p, lines: lines, layout: layout)
        // A page with chrome is a crawled HTML page: its first line is the `<title>`, even
        // one with a `！` inside that the farm rules would not take for a title.
        if layout.title == nil, case .body = layout.roles[0], let first = blocks[0], first.letters <= 160 {
            layout.roles[0] = .title
            layout.title = lines[0]
        }
        // Shell commands and code (`docker run -d \ ...`) read as keyword lists to the farm
        // rule; on a crawled page of this kind they are the article's, when it has one.
        for k in lines.indices where layout.roles[k] == .keywordStuffing && isCode(p, lines[k]) {
            layout.roles[k] = .body
        }
        (blocks, scores) = score(p, lines: lines, layout: layout)
        // No run crosses a wall: teasers under a related-links header are not the article's
        // continuation, however much prose they hold.
        for k in lines.indices where RunSelection.isWall(k, blocks: blocks, roles: layout.roles) {
            scores[k] = -(1 << 40)
        }
        var runs = ProseSegments.find(scores, minimum: minimumSegment)
        if runs.isEmpty {
            // A short post or a one-sentence news item: the best run, if it holds a sentence.
            runs = ProseSegments.find(scores, minimum: 1).filter { run in
                run.lines.contains { blocks[$0]?.isProse == true }
            }
            runs = runs.max { $0.sum < $1.sum }.map { [$0] } ?? []
        }
        let kept = RunSelection.select(runs, blocks: blocks, roles: layout.roles).map { run in
            ProseSegments.Segment(lines: leadIn(p, lines, blocks, above: run.lines), sum: run.sum)
        }
        var inside = Array(repeating: false, count: lines.count)
        for run in kept { for k in run.lines { inside[k] = true } }

        for k in lines.indices {
            guard let block = blocks[k] else { continue }
            if inside[k] {
                // A post's time inside a thread is metadata, not text.
                if !block.isProse, let dateline = DatelineRule.parse(p, lines[k]) {
                    layout.roles[k] = .dateline(dateline)
                } else if let cue = block.cue {
                    layout.roles[k] = .boilerplate(cue, inline: true)
                }
            } else if let dateline = DatelineRule.parse(p, lines[k]) {
                layout.roles[k] = .dateline(dateline)
            } else {
                layout.roles[k] = .boilerplate(block.cue ?? shapeRole(block), inline: false)
            }
        }
        for run in kept {
            guard
                let k = HeadlineRule.find(
                    p, lines: lines, roles: layout.roles, above: run.lines.lowerBound, pageTitle: layout.title)
            else { continue }
            layout.roles[k] = .headline(HeadlineRule.withoutMediaTag(p, lines[k]))
        }
        if let title = layout.title, layout.site == nil {
            layout.articleTitle = HeadlineRule.withoutMediaTag(p, HeadlineRule.titleWithoutSite(p, title))
        }
        if kept.isEmpty {
            let prose = blocks.compactMap { $0 }.filter(\.isProse).count
            layout.noArticle =
                prose == 0
                ? "no prose: \(lines.count) lines of links, menus and labels"
                : "no article: \(prose) prose lines, none in a run of \(minimumSegment)+ letters outweighing the chrome around it"
        }
    }

    /// Whether at least ``minimumChromeLines`` body lines are link-sized or cue lines.
    ///
    /// Only short lines can be either, so the long bodies of a farm page cost one length
    /// test each: the stage adds almost nothing to pages it leaves alone.
    private static func hasChrome(_ p: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], roles: [LineRole]) -> Bool {
        var chrome = 0
        for (k, line) in lines.enumerated() where line.count <= 4 * BoilerplateCues.maxCueLineScalars {
            guard case .body = roles[k] else { continue }
            let block = BlockScore(p, line)
            if block.cue != nil || block.letters < BlockScore.linkLetters {
                chrome += 1
                if chrome >= minimumChromeLines { return true }
            }
        }
        return false
    }

    /// Mostly ASCII letters, digits and code punctuation.
    private static func isCode(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var ascii = 0
        for i in line where p[i] < 0x80 { ascii += 1 }
        return ascii * 10 >= line.count * 9
    }

    /// The score of each line; body lines also get their ``BlockScore`` (other roles are
    /// neutral, bylines, or chrome the farm rules named).
    private static func score(
        _ p: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], layout: LineClassifier.Layout
    ) -> ([BlockScore?], [Int]) {
        var blocks: [BlockScore?] = Array(repeating: nil, count: lines.count)
        var scores = Array(repeating: 0, count: lines.count)
        for (k, line) in lines.enumerated() {
            switch layout.roles[k] {
            case .body:
                let block = BlockScore(p, line, pageTitle: layout.title)
                blocks[k] = block
                scores[k] = block.value
            case .byline:
                scores[k] = 0
            default:
                scores[k] = -BlockScore.cueCost
            }
        }
        return (blocks, scores)
    }

    /// How far a run reaches up over its lead-in.
    ///
    /// At most two lines right above it, with no cue, each a heading (`汤加对外通信或需2周时间恢复`) or an introduction ending with a
    /// colon (`央视网消息（新闻联播）：`). Their scores are negative, so the run starts below.
    static func leadIn(
        _ p: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], _ blocks: [BlockScore?], above run: Range<Int>
    ) -> Range<Int> {
        var start = run.lowerBound
        while start > 1, run.lowerBound - start < 2, let block = blocks[start - 1], block.cue == nil,
            !block.isProse || endsWithColon(p, lines[start - 1]),
            HeadlineRule.isHeading(p, lines[start - 1]) || endsWithColon(p, lines[start - 1])
        {
            start -= 1
        }
        return start..<run.upperBound
    }

    private static func endsWithColon(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let last = UTF8Scalar.decode(p, endingAt: line.upperBound).value
        return last == 0xFF1A || last == 0x3A
    }

    /// The role of a removed line that names none: by its shape.
    private static func shapeRole(_ block: BlockScore) -> RemovalKind {
        if block.isProse { return .outsideArticle }
        return block.letters >= 12 ? .relatedLinks : .navigation
    }
}
