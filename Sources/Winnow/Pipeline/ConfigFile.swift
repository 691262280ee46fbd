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

        [run]
        # Worker threads; 0 means one per core. The output does not depend on it.
        jobs = 0
        # Records per batch: the unit of parallel work and of gzip members in the shards.
        batch_records = 256

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
    public var jobs: Int?
    public var batchRecords: Int?

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
                guard ["input", "run"].contains(section) else {
                    throw problem("unknown section '[\(section)]'; known sections: [input], [run]")
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
            case ("run", "jobs"): jobs = try Self.integer(value, atLeast: 0, problem)
            case ("run", "batch_records"): batchRecords = try Self.integer(value, atLeast: 1, problem)
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
        if let jobs, jobs > 0 { config.jobs = jobs }
        if let batchRecords { config.batchRecords = batchRecords }
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

    private static func integer(_ value: String, atLeast minimum: Int, _ problem: (String) -> Problem) throws(Problem)
        -> Int
    {
        guard let n = Int(value.filter { $0 != "_" }) else { throw problem("expected an integer, got '\(value)'") }
        guard n >= minimum else { throw problem("must be at least \(minimum), got \(n)") }
        return n
    }
}
