/// Cleans one batch of input items into the JSON Lines of its four shards.
///
/// A pure function of the batch: the same items give the same bytes on any thread, which is
/// what makes a run's output independent of `-j` and of scheduling.
struct BatchProcessor: Sendable {
    /// The output of one batch: JSON Lines per shard (gzip members once ``compressed()``),
    /// and its counts.
    struct Output: Sendable {
        var articles: [UInt8]
        var pages: [UInt8]
        var rejects: [UInt8]
        var filtered: [UInt8]
        var counts: RunCounts

        /// The members in the order of ``CorpusRun/shardKinds``.
        var members: [[UInt8]] { [articles, pages, rejects, filtered] }

        /// Each non-empty shard's lines as one gzip member.
        func compressed() -> Output {
            func member(_ bytes: [UInt8]) -> [UInt8] { bytes.isEmpty ? [] : GzipEncoder.member(bytes) }
            return Output(
                articles: member(articles), pages: member(pages), rejects: member(rejects),
                filtered: member(filtered), counts: counts)
        }
    }

    let cleaner: PageCleaner
    /// The input's path as written in records (`source`).
    let source: String
    let parser: JSONRecordParser
    let filters: QualityFilters
    let fullRepetition: Bool
    /// Whether to compute signals and filter (`[signals] enabled`).
    let computesSignals: Bool

    /// Opens `path` for reading and the processor for its records; a file that cannot be
    /// opened gives no reader and its error (the input's outcome, not the run's).
    static func open(path: String, source: String, configuration: RunConfiguration) -> (
        reader: RecordReader?, processor: BatchProcessor, error: String?
    ) {
        var reader: RecordReader?
        var failure: String?
        do {
            reader = try RecordReader(
                path: path,
                options: .init(
                    textField: configuration.textField, idField: configuration.idField,
                    maxRecordBytes: configuration.maxRecordBytes))
        } catch {
            failure = "\(error)"
        }
        let processor = BatchProcessor(
            cleaner: PageCleaner(options: .init(maxInvalidUTF8: configuration.maxBadUTF8)), source: source,
            parser: reader?.parser ?? JSONRecordParser(fields: [Array(configuration.textField.utf8)]),
            filters: configuration.filters, fullRepetition: configuration.fullRepetition,
            computesSignals: configuration.signals)
        return (reader, processor, failure)
    }

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
                        guard computesSignals else {
                            CorpusRecords.writeArticle(
                                article, of: page, record: record, source: source, to: &articles)
                            continue
                        }
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
            articles: articles.bytes, pages: pages.bytes, rejects: rejects.bytes, filtered: filtered.bytes,
            counts: counts)
    }
}
