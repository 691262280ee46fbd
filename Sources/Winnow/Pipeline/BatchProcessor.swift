/// Cleans one batch of input items into the bytes of its three shard members.
///
/// A pure function of the batch: the same items give the same bytes on any thread, which is
/// what makes a run's output independent of `-j` and of scheduling.
struct BatchProcessor: Sendable {
    /// The compressed output of one batch: one gzip member per shard, and its counts.
    struct Output: Sendable {
        var articles: [UInt8]
        var pages: [UInt8]
        var rejects: [UInt8]
        var filtered: [UInt8]
        var counts: RunCounts

        /// The members in the order of ``CorpusRun/shardKinds``.
        var members: [[UInt8]] { [articles, pages, rejects, filtered] }
    }

    let cleaner = PageCleaner()
    /// The input's path as written in records (`source`).
    let source: String
    let parser: JSONRecordParser
    let filters: QualityFilters
    let fullRepetition: Bool

    func process(_ items: [InputItem]) -> Output {
        var articles = JSONWriter(capacity: 1 << 20)
        var pages = JSONWriter(capacity: 1 << 18)
        var rejects = JSONWriter(capacity: 1 << 12)
        var filtered = JSONWriter(capacity: 1 << 14)
        var quality = QualitySignals(fullRepetition: fullRepetition)
        var counts = RunCounts()
        for unparsed in items {
            counts.recordsIn += 1
            var item = unparsed
            if case .jsonLine(let bytes, let line, let offset) = unparsed {
                item = bytes.withUnsafeBufferPointer {
                    RecordReader.jsonItem($0, parser: parser, line: line, offset: offset)
                }
            }
            switch item {
            case .jsonLine:
                preconditionFailure("parsed above")
            case .reject(let reject):
                counts.rejected += 1
                counts.reasons[reject.reason, default: 0] += 1
                CorpusRecords.writeReject(
                    reason: reject.reason, line: reject.line, offset: reject.offset, sample: reject.sample,
                    source: source,
                    to: &rejects)
            case .record(let record):
                counts.textBytes += record.text.count
                switch cleaner.clean(record.text, id: record.id) {
                case .page(let page):
                    counts.pagesOut += 1
                    counts.articles += page.articles.count
                    for span in page.removed { counts.reasons["removed_" + span.kind.rawValue, default: 0] += 1 }
                    let boilerplate = QualitySignals.boilerplate(of: page)
                    for article in page.articles {
                        let signals = quality.signals(of: article, boilerplate: boilerplate)
                        if let failure = filters.check(signals) {
                            counts.filtered += 1
                            counts.reasons["filtered_" + failure.filter, default: 0] += 1
                            CorpusRecords.writeArticle(
                                article, of: page, record: record, source: source, signals: signals,
                                failure: failure, to: &filtered)
                        } else {
                            CorpusRecords.writeArticle(
                                article, of: page, record: record, source: source, signals: signals, to: &articles)
                        }
                    }
                    CorpusRecords.writePage(page, record: record, source: source, to: &pages)
                case .rejected(let reason, let detail):
                    counts.rejected += 1
                    counts.reasons[reason.rawValue, default: 0] += 1
                    CorpusRecords.writeReject(
                        reason: reason.rawValue, line: record.line, offset: record.offset,
                        sample: Array((detail + ": ").utf8) + record.text.prefix(200), source: source, to: &rejects)
                }
            }
        }
        return Output(
            articles: articles.bytes.isEmpty ? [] : GzipEncoder.member(articles.bytes),
            pages: pages.bytes.isEmpty ? [] : GzipEncoder.member(pages.bytes),
            rejects: rejects.bytes.isEmpty ? [] : GzipEncoder.member(rejects.bytes),
            filtered: filtered.bytes.isEmpty ? [] : GzipEncoder.member(filtered.bytes),
            counts: counts)
    }
}
