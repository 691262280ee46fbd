internal import Glibc

/// `winnow run`: cleans every page of many input files into sharded JSON Lines, on all cores,
/// resumably, accounting for every record.
///
/// Layout of the output directory:
/// - `articles/`, `pages/`, `rejects/`, `filtered/`: `part-NNNNN.jsonl.gz`, one per input,
///   NNNNN being the input's index in the sorted input list (see ``CorpusRecords`` for the
///   formats);
/// - `manifest.json`: version, configuration and its hash, every input with its size,
///   fingerprint, format, counts per reason and error, totals, timings;
/// - `.winnow/`: the lock, the run's identity (`run.txt`) and one completion marker per
///   finished input (`done/part-NNNNN.txt`).
///
/// Each input is one unit of commit: its three shards are written as `.tmp` files, flushed,
/// renamed into place, then its completion marker is written. A run that is killed and
/// started again redoes only the inputs without a marker, and produces the same bytes.
/// Inside an input, the calling thread reads batches of records (JSON is parsed by the
/// workers) and writes finished batches in input order while up to `jobs` worker threads
/// clean the next ones (``OrderedPipeline``).
public final class CorpusRun {
    public let configuration: RunConfiguration

    /// One input's outcome.
    public struct InputResult: Sendable {
        public var path: String
        public var index: Int
        public var format: InputFormat?
        public var fileBytes: Int
        public var fingerprint: String
        public var counts: RunCounts
        /// Set when the file could not be read to its end (the records before stay).
        public var error: String?
        /// Something odd but harmless about the file (its records are all read).
        public var warning: String?
        /// Whether this run did the work (false: finished by an earlier run).
        public var processed: Bool
    }

    public struct Summary: Sendable {
        public var inputs: [InputResult]
        public var totals: RunCounts
        public var seconds: Double
        public var failedInputs: [InputResult] { inputs.filter { $0.error != nil } }
    }

    /// What a progress callback sees.
    public struct Progress: Sendable {
        public var fileBytesDone: Int
        public var fileBytesTotal: Int
        public var pages: Int
        public var textBytes: Int
        public var seconds: Double
    }

    /// The shard directories, in the order of ``BatchProcessor/Output/members``.
    static let shardKinds = ["articles", "pages", "rejects", "filtered"]

    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    private var outDir: String { configuration.outputDirectory }
    private var stateDir: String { outDir + "/.winnow" }

    /// Runs to completion.
    ///
    /// Throws only for problems with the output directory (locked,
    /// unwritable, made by another configuration); a bad input is reported in its result.
    public func run(progress: (Progress) -> Void = { _ in }) throws -> Summary {
        let start = Clock.now()
        try FileSystem.makeDirectories(stateDir + "/done")
        // The lock first: a second run must not delete the temporary files of one still
        // writing (or still dying) before it learns that the directory is in use.
        let lock = try RunLock(path: stateDir + "/lock")
        defer { lock.release() }
        for sub in Self.shardKinds {
            try FileSystem.makeDirectories(outDir + "/" + sub)
            FileSystem.removeTemporaryFiles(in: outDir + "/" + sub)
        }
        FileSystem.removeTemporaryFiles(in: stateDir)
        FileSystem.removeTemporaryFiles(in: stateDir + "/done")

        let paths = configuration.inputs.flatMap { $0 == "-" ? ["-"] : FileSystem.files(under: $0) }.sorted()
        let fingerprints = paths.map(Self.fingerprint)
        try checkIdentity(paths: paths, fingerprints: fingerprints)

        let total = paths.map { FileSystem.status($0)?.size ?? 0 }.reduce(0, +)
        var results: [InputResult] = []
        var done = 0
        var totals = RunCounts()
        for (index, path) in paths.enumerated() {
            var result = InputResult(
                path: path, index: index, format: nil, fileBytes: FileSystem.status(path)?.size ?? 0,
                fingerprint: fingerprints[index], counts: RunCounts(), error: nil, processed: false)
            let marker = stateDir + "/done/" + Self.partName(index) + ".txt"
            if let text = FileSystem.read(marker).map({ String(decoding: $0, as: UTF8.self) }),
                let previous = Self.parseMarker(text)
            {
                result.counts = previous.counts
                result.error = previous.error
                result.warning = previous.warning
                result.format = previous.format
            } else {
                result.processed = true
                try processInput(&result) { fileBytes, counts in
                    progress(
                        Progress(
                            fileBytesDone: done + fileBytes, fileBytesTotal: total,
                            pages: totals.pagesOut + counts.pagesOut,
                            textBytes: totals.textBytes + counts.textBytes, seconds: Clock.now() - start))
                }
                try FileSystem.writeAtomically(marker, Array(Self.markerText(result).utf8))
            }
            done += result.fileBytes
            totals.add(result.counts)
            results.append(result)
        }
        let summary = Summary(inputs: results, totals: totals, seconds: Clock.now() - start)
        try FileSystem.writeAtomically(outDir + "/manifest.json", manifest(summary))
        progress(
            Progress(
                fileBytesDone: total, fileBytesTotal: total, pages: totals.pagesOut, textBytes: totals.textBytes,
                seconds: summary.seconds))
        return summary
    }

    /// Reads, cleans and writes one input; a read error ends it with the records before kept.
    ///
    /// - Throws: Only for output problems (disk full, unwritable directory): the run stops,
    ///   nothing of this input is committed, and the same command resumes it.
    private func processInput(_ result: inout InputResult, progress: (Int, RunCounts) -> Void) throws {
        let part = Self.partName(result.index)
        let source = result.path
        do {
            let shards = try Self.shardKinds.map {
                try ShardFile(path: "\(outDir)/\($0)/\(part).jsonl.gz")
            }
            let opened = BatchProcessor.open(
                path: result.path, source: source, configuration: configuration)
            var reader = opened.reader
            let processor = opened.processor
            result.error = opened.error
            result.format = reader?.format
            var exhausted = reader == nil
            var wroteAny = Self.shardKinds.map { _ in false }
            // This thread reads batches and writes finished ones in order; up to `jobs` batches
            // are cleaned at once on the worker threads meanwhile.
            let pipeline = OrderedPipeline<BatchProcessor.Output>(width: configuration.jobs)
            func write(_ output: BatchProcessor.Output) throws {
                for (k, member) in output.members.enumerated() where !member.isEmpty {
                    try shards[k].write(member)
                    wroteAny[k] = true
                }
                result.counts.add(output.counts)
            }
            while !exhausted {
                // A stop request (SIGINT, SIGTERM) ends the run between batches; this input's
                // shards are not committed, so the same command redoes it.
                if StopRequest.isRequested {
                    _ = pipeline.drain()
                    throw StopRequest.Stopped()
                }
                var batch: [InputItem] = []
                batch.reserveCapacity(configuration.batchRecords)
                do {
                    while batch.count < configuration.batchRecords, let item = try reader?.next() { batch.append(item) }
                } catch {
                    result.error = "\(error)"
                    exhausted = true
                }
                if batch.count < configuration.batchRecords { exhausted = true }
                if !batch.isEmpty {
                    let items = batch
                    pipeline.submit { processor.process(items).compressed() }
                }
                while let output = pipeline.nextInOrder() { try write(output) }
                progress(reader?.stream.fileBytesRead ?? 0, result.counts)
            }
            for output in pipeline.drain() { try write(output) }
            result.warning = reader?.stream.warning
            // An empty shard is still a valid gzip file.
            for (k, shard) in shards.enumerated() where !wroteAny[k] { try shard.write(GzipEncoder.member([])) }
            for shard in shards { try shard.commit() }
        } catch let stop as StopRequest.Stopped {
            throw stop
        } catch {
            throw InputError(
                "\(outDir): cannot write output (\(error)); free space or fix the directory, then run the same command again"
            )
        }
    }

    static func partName(_ index: Int) -> String {
        let digits = String(index)
        return "part-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Size, modification time and a hash of the first and last 64 KiB: cheap, and changes
    /// when a file is replaced, appended to or rewritten.
    static func fingerprint(_ path: String) -> String {
        guard path != "-" else { return "stdin" }
        guard let status = FileSystem.status(path) else { return "missing" }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "\(status.size):\(status.mtime):unreadable" }
        defer { close(fd) }
        var sample = [UInt8](repeating: 0, count: 1 << 17)
        let head = sample.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 1 << 16, 0) }
        let tailOffset = max(0, status.size - (1 << 16))
        let tail = sample.withUnsafeMutableBytes {
            pread(fd, $0.baseAddress.unsafelyUnwrapped + (1 << 16), 1 << 16, off_t(tailOffset))
        }
        let bytes = Array(sample[0..<max(0, head)]) + Array(sample[(1 << 16)..<((1 << 16) + max(0, tail))])
        return "\(status.size):\(status.mtime):\(StableHash.hex(StableHash.hash64(bytes)))"
    }

    /// Refuses to mix runs: the directory's recorded inputs and configuration must match,
    /// unless `force`, which clears the completion markers so every input is redone.
    private func checkIdentity(paths: [String], fingerprints: [String]) throws {
        var identity = "config \(configuration.hash)\n"
        for (path, fingerprint) in zip(paths, fingerprints) { identity += "input \(fingerprint) \(path)\n" }
        let file = stateDir + "/run.txt"
        if let existing = FileSystem.read(file).map({ String(decoding: $0, as: UTF8.self) }), existing != identity {
            guard configuration.force else {
                throw InputError(
                    "\(outDir): holds a run with other inputs or another configuration; use a new directory, or --force to redo it"
                )
            }
            FileSystem.removeFiles(in: stateDir + "/done", suffix: ".txt")
        }
        try FileSystem.writeAtomically(file, Array(identity.utf8))
    }

    static func markerText(_ result: InputResult) -> String {
        var text = result.counts.markerText
        text += "format \(result.format?.rawValue ?? "none")\n"
        if let error = result.error { text += "error \(error.replacingNewlines)\n" }
        if let warning = result.warning { text += "warning \(warning.replacingNewlines)\n" }
        return text
    }

    static func parseMarker(_ text: String) -> (
        counts: RunCounts, error: String?, warning: String?, format: InputFormat?
    )? {
        var countLines: [Substring] = []
        var error: String?
        var warning: String?
        var format: InputFormat?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("error ") {
                error = String(line.dropFirst(6))
            } else if line.hasPrefix("warning ") {
                warning = String(line.dropFirst(8))
            } else if line.hasPrefix("format ") {
                format = InputFormat(rawValue: String(line.dropFirst(7)))
            } else {
                countLines.append(line)
            }
        }
        guard let counts = RunCounts(markerText: countLines.joined(separator: "\n")) else { return nil }
        return (counts, error, warning, format)
    }

    private func manifest(_ summary: Summary) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("version"); w.value(WinnowInfo.version)
        w.key("config_hash"); w.value(configuration.hash)
        w.key("config")
        w.beginObject()
        w.key("text_field"); w.value(configuration.textField)
        w.key("id_field"); w.value(configuration.idField)
        w.key("max_record_bytes"); w.value(configuration.maxRecordBytes)
        w.key("batch_records"); w.value(configuration.batchRecords)
        w.key("gzip_level"); w.value(Int(GzipEncoder.defaultLevel))
        w.key("full_repetition"); w.value(configuration.fullRepetition)
        w.key("signals"); w.value(configuration.signals)
        w.key("filters"); configuration.filters.write(to: &w)
        w.endObject()
        w.key("inputs")
        w.beginArray()
        for input in summary.inputs {
            w.beginObject()
            w.key("path"); w.value(input.path)
            w.key("part"); w.value(Self.partName(input.index))
            w.key("format"); w.value(input.format?.rawValue)
            w.key("file_bytes"); w.value(input.fileBytes)
            w.key("fingerprint"); w.value(input.fingerprint)
            w.key("error"); w.value(input.error)
            w.key("warning"); w.value(input.warning)
            w.key("counts"); input.counts.write(to: &w)
            w.endObject()
        }
        w.endArray()
        w.key("totals"); summary.totals.write(to: &w)
        w.key("timings")
        w.beginObject()
        w.key("seconds"); w.value(summary.seconds)
        w.key("jobs"); w.value(configuration.jobs)
        w.key("text_mb_per_second"); w.value(Double(summary.totals.textBytes) / 1e6 / max(summary.seconds, 1e-9))
        w.key("peak_rss_mb"); w.value(Clock.peakResidentMegabytes)
        w.endObject()
        w.endObject()
        w.newline()
        return w.bytes
    }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
