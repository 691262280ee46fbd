internal import Glibc

/// Entry points for the libFuzzer harnesses in `Fuzz/`.
///
/// `Fuzz/` is a separate package, so it cannot see `internal` or `package` symbols. Each takes any bytes, runs one stage on them, and
/// traps if an invariant fails; a return is a pass. Not an API for anything else.
public enum FuzzEntry {
    /// The page cleaner: any bytes give a rejection with a reason, or a page record whose
    /// spans account for every non-whitespace byte and whose JSON is written.
    public static func cleanPage(_ bytes: [UInt8]) {
        guard case .page(let record) = PageCleaner().clean(bytes) else { return }
        let source = record.source
        var covered = [Bool](repeating: false, count: source.count)
        for span in record.spans {
            precondition(span.range.lowerBound >= 0 && span.range.upperBound <= source.count, "span out of the page")
            for i in span.range { covered[i] = true }
        }
        for span in record.removed {
            precondition(span.start <= span.end && span.end <= source.count, "removed span out of the page")
        }
        var i = 0
        while i < source.count {
            precondition(
                covered[i] || PageRecord.isWhitespace(source, at: i), "a byte is in no span: nothing may be lost")
            i += UTF8Scalar.length(lead: source[i])
        }
        for article in record.articles { precondition(!article.paragraphs.isEmpty, "an article without text") }
        precondition(record.articles.isEmpty == (record.noArticle != nil), "no_article iff no articles")
        _ = record.json()
        // Cleaning an article's own text again keeps it (idempotence on clean text).
        if let article = record.articles.first, article.noise.removed == 0 {
            _ = PageCleaner().clean(Array(article.text.utf8))
        }
    }

    /// A JSON Lines record, as `winnow run` and `POST /v1/clean` parse it.
    public static func jsonRecord(_ bytes: [UInt8]) {
        let parser = JSONRecordParser(fields: ["text", "id", "url", "date"].map { Array($0.utf8) })
        _ = bytes.withUnsafeBufferPointer { RecordReader.jsonItem($0, parser: parser, line: 1, offset: 0) }
        _ = try? PageRequest(json: bytes)
    }

    /// A whole input file (JSONL, gzip, WET or a text page, detected by content), read to
    /// its end or to its first error, with a small record cap so long lines are streamed past.
    public static func readInput(_ bytes: [UInt8], scratchPath: String) {
        let fd = open(scratchPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard var reader = try? RecordReader(path: scratchPath, options: .init(maxRecordBytes: 4096)) else { return }
        var count = 0
        while count < 100_000, let item = try? reader.next() {
            if case .jsonLine(let line, let number, let offset) = item {
                _ = line.withUnsafeBufferPointer {
                    RecordReader.jsonItem($0, parser: reader.parser, line: number, offset: offset)
                }
            }
            count += 1
        }
    }

    /// The dedup signature of a text: match view, MinHash, number sketch; a text is as
    /// similar to itself as can be.
    public static func signature(_ bytes: [UInt8]) {
        let (valid, _) = UTF8Repair.repairing(bytes)
        var scalars: [UInt32] = []
        valid.withUnsafeBufferPointer { MatchView.scalars($0, into: &scalars) }
        var signature = [UInt32](repeating: 0, count: MinHasher.bins)
        MinHasher.signature(scalars, into: &signature)
        _ = NumberSketch(scalars)
        let similarity = signature.withUnsafeBufferPointer { MinHasher.similarity($0, $0) }
        precondition(scalars.count < 5 || similarity == 1, "a text must match itself")
    }
}
