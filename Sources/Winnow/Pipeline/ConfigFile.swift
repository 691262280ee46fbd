/// Winnow's configuration file: a small subset of TOML, one file for every stage.
///
/// Supported: `[section]` headers, `key = value` with strings in double quotes, integers and
/// `true`/`false`, and `#` comments. Each stage reads its own section; command-line flags
/// override the file. Unknown sections or keys are errors (a typo must not be ignored).
public struct ConfigFile: Sendable {
    /// The documented default configuration (`winnow config --default`).
    public static let defaultText = """
        # Winnow configuration. Each stage reads its section; command-line flags override it.
        # Every value below is the default.

        [input]
        # JSON Lines: the field holding the page text, and the one holding the record id.
        text_field = "text"
        id_field = "id"
        # Records longer than this (bytes) are rejected as too_long, streamed past, not loaded.
        max_record_bytes = 67108864
        # Pages with a larger share of bytes in ill-formed UTF-8 (after GBK/GB18030 and Big5
        # were tried) are rejected as binary.
        max_bad_utf8 = 0.1

        [run]
        # Worker threads; 0 means one per core. The output does not depend on it.
        jobs = 0
        # Records per batch: the unit of parallel work and of gzip members in the shards.
        batch_records = 256

        [signals]
        # Quality signals and the language of each article. Off, article records carry no
        # signals, lang or lang_score, and the filters below drop nothing.
        enabled = true
        # Also record the top 3- and 4-gram and duplicate 5-gram shares of each article (the
        # other Gopher repetition signals). Off, they are null: they double the cost of the
        # signals, and no default filter reads them.
        full_repetition = false

        [filters]
        # Quality filters on each article's signals; a dropped article goes to filtered/ with
        # the filter, its value and the threshold. Measured on real text (BENCHMARKS.md,
        # "Quality filters"): clean news and gold main texts pass, junk does not.
        enabled = true
        # Non-whitespace characters. CCTV news items run from 16 characters up.
        min_chars = 10
        # Languages kept (zh, en, ja, ko, ru, ar, other), comma-separated; empty keeps all.
        languages = ""
        # Language score (share of letters in the language's script, times the evidence).
        min_lang_score = 0.0
        # Pictographs, rare symbols, invisible characters per character.
        max_symbols = 0.25
        # U+FFFD and Latin-1 sequences of UTF-8 read as Latin-1 (Ã¤Â¸), per character.
        max_mojibake = 0.05
        # Lines without sentence punctuation at the end, per line (1.0: off; link lists
        # and menus are removed by the cleaner before this).
        max_lines_without_end = 1.0
        # Characters in lines that repeat an earlier line of the article (Gopher: 0.2 of
        # characters; FineWeb-2 zh counts lines, 0.287).
        max_duplicate_line_chars = 0.5
        # A link list that reached an article: this share of lines or more without sentence
        # punctuation, at least link_list_min_lines lines, mean line length at most
        # link_list_max_line_length characters.
        link_list_lines_without_end = 0.8
        link_list_min_lines = 3
        link_list_max_line_length = 25
        # Units (characters for CJK, words otherwise) in the most frequent 2-gram.
        max_top_2gram = 0.2
        # Units inside repeated 10-grams (clean news and gold texts reach 0.7 when a source
        # repeats a passage; a page made of one repeated block is near 1).
        max_duplicate_10gram = 0.8
        # Grammatical words (的了是在 …) per Han character, on mostly-Han articles of at
        # least function_words_min_chars characters: place and keyword lists have none.
        min_function_words = 0.005
        function_words_min_chars = 80
        # Injected units removed per character before cleaning.
        max_noise_density = 0.5

        """

    /// A problem in a configuration file, with its line.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    public var textField: String?
    public var idField: String?
    public var maxRecordBytes: Int?
    public var maxBadUTF8: Double?
    public var jobs: Int?
    public var batchRecords: Int?
    /// The `[filters]` section over the defaults (only keys present change them).
    public var filters = QualityFilters()
    public var fullRepetition: Bool?
    public var signals: Bool?

    public init() {}

    /// Parses `text` (the contents of the file at `path`, for messages).
    public init(parsing text: String, path: String) throws(Problem) {
        var section = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            func problem(_ message: String) -> Problem { Problem(path: path, line: lineNumber, message: message) }
            let line = Self.stripComment(String(rawLine)).trimmingSpaces
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw problem("a section header ends with ']'") }
                section = String(line.dropFirst().dropLast()).trimmingSpaces
                let known = ["input", "run", "signals", "filters"]
                guard known.contains(section) else {
                    let list = known.map { "[\($0)]" }.joined(separator: ", ")
                    throw problem("unknown section '[\(section)]'; known sections: \(list)")
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw problem("expected 'key = value'") }
            let key = String(line[..<equals]).trimmingSpaces
            let value = String(line[line.index(after: equals)...]).trimmingSpaces
            switch (section, key) {
            case ("input", "text_field"): textField = try Self.string(value, problem)
            case ("input", "id_field"): idField = try Self.string(value, problem)
            case ("input", "max_record_bytes"): maxRecordBytes = try Self.integer(value, atLeast: 1024, problem)
            case ("input", "max_bad_utf8"): maxBadUTF8 = try Self.fraction(value, problem)
            case ("run", "jobs"): jobs = try Self.integer(value, atLeast: 0, problem)
            case ("run", "batch_records"): batchRecords = try Self.integer(value, atLeast: 1, problem)
            case ("signals", "full_repetition"): fullRepetition = try Self.boolean(value, problem)
            case ("signals", "enabled"): signals = try Self.boolean(value, problem)
            case ("filters", "enabled"): filters.enabled = try Self.boolean(value, problem)
            case ("filters", "min_chars"): filters.minChars = try Self.integer(value, atLeast: 0, problem)
            case ("filters", "languages"):
                filters.languages = try Self.string(value, problem).split(separator: ",").map {
                    String($0).trimmingSpaces
                }.filter { !$0.isEmpty }
            case ("filters", "min_lang_score"): filters.minLanguageScore = try Self.fraction(value, problem)
            case ("filters", "max_symbols"): filters.maxSymbols = try Self.fraction(value, problem)
            case ("filters", "max_mojibake"): filters.maxMojibake = try Self.fraction(value, problem)
            case ("filters", "max_lines_without_end"): filters.maxLinesWithoutEnd = try Self.fraction(value, problem)
            case ("filters", "max_duplicate_line_chars"):
                filters.maxDuplicateLineChars = try Self.fraction(value, problem)
            case ("filters", "link_list_lines_without_end"):
                filters.linkListLinesWithoutEnd = try Self.fraction(value, problem)
            case ("filters", "link_list_min_lines"):
                filters.linkListMinLines = try Self.integer(value, atLeast: 1, problem)
            case ("filters", "link_list_max_line_length"):
                filters.linkListMaxLineLength = Double(try Self.integer(value, atLeast: 0, problem))
            case ("filters", "max_top_2gram"): filters.maxTop2gram = try Self.fraction(value, problem)
            case ("filters", "max_duplicate_10gram"): filters.maxDuplicate10gram = try Self.fraction(value, problem)
            case ("filters", "min_function_words"): filters.minFunctionWords = try Self.fraction(value, problem)
            case ("filters", "function_words_min_chars"):
                filters.functionWordsMinChars = try Self.integer(value, atLeast: 0, problem)
            case ("filters", "max_noise_density"): filters.maxNoiseDensity = try Self.fraction(value, problem)
            default:
                throw problem(
                    "unknown key '\(key)' in [\(section.isEmpty ? "top level" : section)]; see 'winnow config --default'"
                )
            }
        }
    }

    /// Applies the file's values to `config` (flags are applied after, by the caller).
    public func apply(to config: inout RunConfiguration) {
        if let textField { config.textField = textField }
        if let idField { config.idField = idField }
        if let maxRecordBytes { config.maxRecordBytes = maxRecordBytes }
        if let maxBadUTF8 { config.maxBadUTF8 = maxBadUTF8 }
        if let jobs, jobs > 0 { config.jobs = jobs }
        if let batchRecords { config.batchRecords = batchRecords }
        config.filters = filters
        if let fullRepetition { config.fullRepetition = fullRepetition }
        if let signals { config.signals = signals }
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        var out = ""
        for c in line {
            if c == "\"" { inString.toggle() }
            if c == "#", !inString { break }
            out.append(c)
        }
        return out
    }

    private static func string(_ value: String, _ problem: (String) -> Problem) throws(Problem) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
            throw problem("expected a string in double quotes, got '\(value)'")
        }
        return String(value.dropFirst().dropLast())
    }

    private static func boolean(_ value: String, _ problem: (String) -> Problem) throws(Problem) -> Bool {
        switch value {
        case "true": return true
        case "false": return false
        default: throw problem("expected true or false, got '\(value)'")
        }
    }

    /// A number from 0 to 1.
    private static func fraction(_ value: String, _ problem: (String) -> Problem) throws(Problem) -> Double {
        guard let x = Double(value) else { throw problem("expected a number, got '\(value)'") }
        guard x >= 0, x <= 1 else { throw problem("must be between 0 and 1, got \(value)") }
        return x
    }

    private static func integer(_ value: String, atLeast minimum: Int, _ problem: (String) -> Problem) throws(Problem)
        -> Int
    {
        guard let n = Int(value.filter { $0 != "_" }) else { throw problem("expected an integer, got '\(value)'") }
        guard n >= minimum else { throw problem("must be at least \(minimum), got \(n)") }
        return n
    }
}
