/// Assembles the page record from the classified lines: splits body lines into paragraphs,
/// reads bylines, markers and footers out of them, groups bodies into articles, and accounts
/// for every span.
///
/// An article starts at the first body after anything that is not body (a header, a keyword
/// block, a link list), at a body line that opens with a byline once the current article has
/// text, and after a footer. A short body line with no sentence end, right before a body that
/// starts an article, is that article's title; the first article otherwise takes the page
/// title.
struct PageAssembler {
    let text: PageText
    /// The clean view's bytes, valid for the assembler's lifetime (see ``PageCleaner``).
    let p: UnsafeBufferPointer<UInt8>
    let layout: LineClassifier.Layout
    var drafts: [ArticleDraft] = []
    var spans: [PageSpan] = []
    var removed: [RemovedSpan] = []

    init(text: PageText, clean: UnsafeBufferPointer<UInt8>, layout: LineClassifier.Layout) {
        self.text = text
        self.p = clean
        self.layout = layout
    }

    mutating func assemble() {
        var k = 0
        var pendingTitle: Range<Int>?
        var pendingHeadline: Range<Int>?
        var previousRole: LineRole?
        var pendingBylineLines: [Int] = []
        while k < text.lines.count {
            let role = layout.roles[k]
            let line = text.lines[k].clean
            switch role {
            case .title:
                record(line, line: k, as: .metadata(.title))
            case .pageHeader:
                remove(line, line: k, kind: .pageHeader)
            case .keywordStuffing:
                remove(line, line: k, kind: .keywordStuffing)
            case .linkList:
                remove(line, line: k, kind: .linkList)
            case .byline, .dateline:
                pendingBylineLines.append(k)
            case .headline(let headline):
                record(line, line: k, as: .metadata(.title))
                pendingHeadline = headline
            case .boilerplate(let kind, _):
                remove(line, line: k, kind: kind)
            case .body:
                let startsWithByline = BylineParser.group(p, at: line.lowerBound, end: line.upperBound) != nil
                var startNew =
                    drafts.isEmpty || previousRole != .body || drafts[drafts.count - 1].isClosed
                    || (startsWithByline && !drafts[drafts.count - 1].paragraphs.isEmpty)
                if pendingTitle != nil { startNew = false }
                if startNew, pendingHeadline == nil, pendingBylineLines.isEmpty, isHeadingLike(line),
                    k + 1 < text.lines.count,
                    layout.roles[k + 1] == .body
                {
                    drafts.append(ArticleDraft())
                    pendingTitle = line
                    drafts[drafts.count - 1].title = line
                    drafts[drafts.count - 1].lines.append(k)
                    record(line, line: k, as: .metadata(.title))
                    previousRole = role
                    k += 1
                    continue
                }
                if startNew {
                    drafts.append(ArticleDraft())
                    if let headline = pendingHeadline {
                        drafts[drafts.count - 1].title = headline
                    } else if drafts.count == 1, let title = layout.articleTitle ?? layout.title {
                        drafts[0].title = title
                    }
                    pendingHeadline = nil
                }
                pendingTitle = nil
                for bylineLine in pendingBylineLines { absorbBylineLine(bylineLine) }
                pendingBylineLines.removeAll()
                addBody(line, line: k)
            }
            if !Self.keepsArticleOpen(role) { previousRole = role }
            k += 1
        }
        // Byline lines after the last body (an editor's line) belong to the last article.
        if !drafts.isEmpty {
            for bylineLine in pendingBylineLines { absorbBylineLine(bylineLine) }
        } else {
            for bylineLine in pendingBylineLines {
                record(text.lines[bylineLine].clean, line: bylineLine, as: .metadata(.byline))
            }
        }
        for d in drafts.indices { removeRepeatedTail(of: d) }
    }

    /// Takes out the end of article `d` where it repeats its earlier text
    /// (``RepeatedPassage``): the paragraph spans there become removed spans; a paragraph
    /// the repeat starts inside keeps its first part.
    private mutating func removeRepeatedTail(of d: Int) {
        guard let cut = RepeatedPassage.tailStart(p, drafts[d].paragraphs.map(\.range)) else { return }
        var kept = Array(drafts[d].paragraphs[..<cut.paragraph])
        for (k, (range, line)) in drafts[d].paragraphs.enumerated().dropFirst(cut.paragraph) {
            let source = text.sourceRange(ofClean: range, line: line)
            if let s = spans.lastIndex(of: PageSpan(range: source, role: .paragraph(article: d))) {
                spans.remove(at: s)
            }
            var repeated = range
            if k == cut.paragraph, cut.offset > range.lowerBound {
                let head = ParagraphSplitter.trim(p, range.lowerBound..<cut.offset)
                if !head.isEmpty {
                    kept.append((head, line))
                    record(head, line: line, as: .paragraph(article: d))
                }
                repeated = cut.offset..<range.upperBound
            }
            remove(repeated, line: line, kind: .repeatedText)
        }
        drafts[d].paragraphs = kept
    }

    /// Roles that neither start nor end an article: bylines wait for the next body, inline
    /// chrome sits inside one.
    private static func keepsArticleOpen(_ role: LineRole) -> Bool {
        switch role {
        case .byline, .dateline, .boilerplate(_, inline: true): true
        default: false
        }
    }

    /// Reads a byline or dateline line into the current article.
    ///
    /// Its byline groups fill the article's fields, the first date on it is the publication
    /// time. Dateline text that is neither is metadata too (the line is one block of byline).
    private mutating func absorbBylineLine(_ k: Int) {
        let line = text.lines[k].clean
        var start = line.lowerBound
        if case .dateline(let dateline) = layout.roles[k] {
            let groupStart = dateline.bylineStart ?? line.upperBound
            if groupStart > line.lowerBound { record(line.lowerBound..<groupStart, line: k, as: .metadata(.byline)) }
            start = groupStart
        }
        let end = absorbBylines(start..<line.upperBound, line: k)
        if end < line.upperBound { record(end..<line.upperBound, line: k, as: .metadata(.byline)) }
        if !drafts.isEmpty, drafts[drafts.count - 1].published == nil {
            drafts[drafts.count - 1].published = DatelineRule.firstDate(p, line)
        }
    }

    /// Reads a body line into the current article.
    private mutating func addBody(_ range: Range<Int>, line k: Int) {
        drafts[drafts.count - 1].lines.append(k)
        var start = range.lowerBound
        start = absorbBylines(start..<range.upperBound, line: k)
        let end = range.upperBound
        let pieces = ParagraphSplitter.split(p, start..<end) { FoldMarkerRule.leadingMarkerLength(p, $0..<end) != nil }
        for (index, piece) in pieces.enumerated() {
            var piece = piece
            if FoldMarkerRule.isMarker(p, piece) {
                remove(piece, line: k, kind: .foldMarker)
                continue
            }
            if let glued = FoldMarkerRule.leadingMarkerLength(p, piece) {
                remove(piece.lowerBound..<(piece.lowerBound + glued), line: k, kind: .foldMarker)
                piece = ParagraphSplitter.trim(p, (piece.lowerBound + glued)..<piece.upperBound)
            }
            if index == pieces.count - 1, let footer = SourceFooterRule.match(p, piece) {
                remove(footer.range, line: k, kind: .sourceFooter)
                drafts[drafts.count - 1].via = drafts[drafts.count - 1].via ?? footer.via
                drafts[drafts.count - 1].isClosed = true
                piece = ParagraphSplitter.trim(p, piece.lowerBound..<footer.range.lowerBound)
            }
            if index == pieces.count - 1,
                let group = BylineParser.group(p, at: piece.lowerBound, end: piece.upperBound),
                group.range == piece
            {
                absorb(group, line: k)
                continue
            }
            guard !piece.isEmpty else { continue }
            drafts[drafts.count - 1].paragraphs.append((piece, k))
            record(piece, line: k, as: .paragraph(article: drafts.count - 1))
        }
    }

    /// Reads consecutive byline groups at the start of `range` into the current article
    /// (or the next one), and returns where the text after them starts.
    @discardableResult
    private mutating func absorbBylines(_ range: Range<Int>, line k: Int) -> Int {
        var start = range.lowerBound
        while let group = BylineParser.group(p, at: start, end: range.upperBound) {
            absorb(group, line: k)
            start = group.range.upperBound
        }
        return start
    }

    private mutating func absorb(_ group: BylineParser.Group, line k: Int) {
        if drafts.isEmpty { drafts.append(ArticleDraft()) }
        let repeated = drafts[drafts.count - 1].absorb(group, p)
        if repeated {
            remove(group.range, line: k, kind: .duplicateByline)
        } else {
            record(group.range, line: k, as: .metadata(.byline))
        }
    }

    /// A line that reads as a heading: short, one piece, no sentence inside it (a final `?` or
    /// `!` is fine, a `。` is not).
    private func isHeadingLike(_ range: Range<Int>) -> Bool {
        guard range.count <= 160 else { return false }  // over 40 characters whatever the script
        let features = LineFeatures(p, range)
        let last = UTF8Scalar.decode(p, endingAt: range.upperBound).value
        let endsAsQuestion = features.finalPunct == 1 && features.endsSentence && last != 0x3002 && last != 0x2E
        return features.scalars <= 40 && (features.finalPunct == 0 || endsAsQuestion)
            && ParagraphSplitter.split(p, range).count == 1
    }

    private mutating func record(_ clean: Range<Int>, line: Int, as role: PageSpan.Role) {
        spans.append(PageSpan(range: text.sourceRange(ofClean: clean, line: line), role: role))
    }

    private mutating func remove(_ clean: Range<Int>, line: Int, kind: RemovalKind) {
        let source = text.sourceRange(ofClean: clean, line: line)
        spans.append(PageSpan(range: source, role: .removed(kind)))
        // Consecutive lines removed for the same reason read best as one block.
        if let last = removed.last, last.kind == kind, !kind.isCharacterLevel,
            isAdjacentLine(last.end, source.lowerBound)
        {
            removed[removed.count - 1].text += "\n" + text.string(clean)
            removed[removed.count - 1].end = source.upperBound
        } else {
            removed.append(
                RemovedSpan(kind: kind, text: text.string(clean), start: source.lowerBound, end: source.upperBound))
        }
    }

    /// Whether only whitespace and one newline separate two source offsets.
    private func isAdjacentLine(_ end: Int, _ start: Int) -> Bool {
        guard end <= start else { return false }
        var newlines = 0
        for i in end..<start {
            let b = text.source[i]
            if b == 0x0A { newlines += 1 } else if !LineSplitter.isBlank(b) { return false }
        }
        return newlines == 1
    }
}
