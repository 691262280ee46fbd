/// Everything that decides a corpus run's output.
///
/// Its hash goes in the manifest, and a run
/// refuses to resume into an output directory made with a different configuration.
public struct RunConfiguration: Sendable {
    /// Input files and directories (directories are read recursively, hidden files skipped).
    public var inputs: [String]
    public var outputDirectory: String
    /// Worker threads; the output does not depend on it.
    public var jobs: Int
    public var textField = "text"
    public var idField = "id"
    /// Records longer than this are rejected as `too_long`, streamed past, never loaded.
    public var maxRecordBytes = 64 << 20
    /// Pages with a larger share of ill-formed UTF-8 are rejected as `binary`.
    public var maxBadUTF8 = 0.1
    /// Records per batch: the unit of parallel work and of gzip members in the shards.
    public var batchRecords = 256
    /// Resume even if the inputs or the configuration changed (starts those inputs over).
    public var force = false
    /// Quality filters applied to each article (`[filters]`).
    public var filters = QualityFilters()
    /// Record the costly repetition signals too (`[signals] full_repetition`).
    public var fullRepetition = false
    /// Compute quality signals and `lang` for each article (`[signals] enabled`).
    ///
    /// Off, the article records have neither and no article is filtered: extraction alone,
    /// and the baseline against which the signals' cost is measured.
    public var signals = true

    public init(inputs: [String], outputDirectory: String, jobs: Int) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
    }

    /// The settings that change output bytes, in a fixed order (jobs and force do not).
    var canonicalText: String {
        "text_field=\(textField)\nid_field=\(idField)\nmax_record_bytes=\(maxRecordBytes)\nmax_bad_utf8=\(maxBadUTF8)\n"
            + "batch_records=\(batchRecords)\n"
            + "gzip=isal-\(GzipEncoder.defaultLevel)\nversion=\(WinnowInfo.version)\n" + filters.canonicalText
            + "full_repetition=\(fullRepetition)\n" + (signals ? "" : "signals=false\n")
    }

    var hash: String { StableHash.hex(StableHash.hash64(Array(canonicalText.utf8))) }
}

/// Winnow's version, recorded in manifests.
public enum WinnowInfo {
    public static let version = "0.1.0"
}
