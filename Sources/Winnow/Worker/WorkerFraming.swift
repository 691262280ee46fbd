/// The framing of `winnow worker` output: one record per line, `TAG \t PAYLOAD \n`.
///
/// Payloads are JSON written by ``JSONWriter`` (every control character escaped, `\n` and
/// `\r` among them) or hex, so no payload holds a line break byte whatever text the page
/// had, and a reader that splits on `\n` (Python's binary `readline`, Hadoop's line reader,
/// which also splits on `\r`) gets whole records. Readers must not split on Unicode line
/// separators (U+2028, U+0085: Python's `str.splitlines` does), which payloads keep raw. The last line of every worker is `END \t {counts}`: a reader that does not
/// see it knows the worker died or its output was cut, and fails the task so that the
/// cluster engine retries it.
public enum WorkerTag: String, Sendable, CaseIterable {
    /// An article record, as in `articles/*.jsonl.gz`.
    case article = "A"
    /// A page record, as in `pages/*.jsonl.gz`.
    case page = "P"
    /// A rejected input record, as in `rejects/*.jsonl.gz`.
    case reject = "R"
    /// An article a quality filter dropped, as in `filtered/*.jsonl.gz`.
    case filtered = "F"
    /// Template keys of one article: `site-hash article-hash key key …` (hex).
    case templateKeys = "K"
    /// The dedup signature of one article: `id-key hex-record id-json`.
    case signature = "S"
    /// A verdict on a candidate pair: `0|1 similarity`.
    case verdict = "V"
    /// A duplicate record, as in `dedup/dups/*.jsonl.gz`.
    case duplicate = "D"
    /// Template paragraphs cut from a surviving article, as in `dedup/templates/`.
    case template = "T"
    /// The last line: the worker's counts (JSON).
    case end = "END"

    /// Appends `payload` (which must hold no newline) as one framed line.
    func append(_ payload: some Collection<UInt8>, to out: inout [UInt8]) {
        out += rawValue.utf8
        out.append(0x09)
        out += payload
        out.append(0x0A)
    }

    /// Appends each line of `lines` (JSON Lines: every line ends in `\n`) framed with this tag.
    func appendLines(_ lines: [UInt8], to out: inout [UInt8]) {
        var start = 0
        for (k, byte) in lines.enumerated() where byte == 0x0A {
            append(lines[start..<k], to: &out)
            start = k + 1
        }
        if start < lines.count { append(lines[start...], to: &out) }
    }
}
