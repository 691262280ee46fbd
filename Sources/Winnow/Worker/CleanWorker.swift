/// `winnow worker clean`: one input stream in (stdin: JSONL, WET, plain or gzip, detected by
/// content), framed records out (``WorkerTag``), for a cluster engine that hands each task's
/// records to the `winnow` binary (`integrations/spark/`).
///
/// The records are the bytes `winnow run` writes for the same records with the same
/// configuration (the same ``BatchProcessor``), but for `source`, which names what the
/// engine says the stream is. Output order is input order at any `jobs`, so a retried task
/// gives the same bytes.
public enum CleanWorker {
    /// What a worker reports last.
    public struct Outcome: Sendable {
        public var counts = RunCounts()
        public var format: InputFormat?
        /// Set when the stream could not be read to its end (the records before are out).
        public var error: String?
    }

    /// Cleans the records of `path` (`-` for standard input), handing framed output to `sink`
    /// a batch at a time, and the ``WorkerTag/end`` line last.
    public static func run(
        path: String, source: String, configuration: RunConfiguration, sink: ([UInt8]) throws -> Void
    ) throws -> Outcome {
        var outcome = Outcome()
        let opened = BatchProcessor.open(
            path: path, source: source, configuration: configuration)
        var reader = opened.reader
        let processor = opened.processor
        outcome.error = opened.error
        outcome.format = reader?.format
        // Batches are cleaned and framed on up to `jobs` threads, written in input order.
        let pipeline = OrderedPipeline<(bytes: [UInt8], counts: RunCounts)>(width: configuration.jobs)
        var counts = RunCounts()
        func write(_ done: (bytes: [UInt8], counts: RunCounts)) throws {
            try sink(done.bytes)
            counts.add(done.counts)
        }
        var exhausted = reader == nil
        while !exhausted {
            var batch: [InputItem] = []
            batch.reserveCapacity(configuration.batchRecords)
            do {
                while batch.count < configuration.batchRecords, let item = try reader?.next() { batch.append(item) }
            } catch {
                outcome.error = "\(error)"
                exhausted = true
            }
            if batch.count < configuration.batchRecords { exhausted = true }
            if !batch.isEmpty {
                let items = batch
                pipeline.submit {
                    let output = processor.process(items)
                    return (framed(output), output.counts)
                }
            }
            while let done = pipeline.nextInOrder() { try write(done) }
        }
        for done in pipeline.drain() { try write(done) }
        outcome.counts = counts
        var end = JSONWriter()
        end.beginObject()
        end.key("source"); end.value(source)
        end.key("format"); end.value(outcome.format?.rawValue)
        end.key("error"); end.value(outcome.error)
        end.key("warning"); end.value(reader?.stream.warning)
        end.key("counts"); counts.write(to: &end)
        end.endObject()
        var last: [UInt8] = []
        WorkerTag.end.append(end.bytes, to: &last)
        try sink(last)
        return outcome
    }

    static func framed(_ output: BatchProcessor.Output) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(output.members.reduce(0) { $0 + $1.count } + 4096)
        WorkerTag.article.appendLines(output.articles, to: &out)
        WorkerTag.page.appendLines(output.pages, to: &out)
        WorkerTag.reject.appendLines(output.rejects, to: &out)
        WorkerTag.filtered.appendLines(output.filtered, to: &out)
        return out
    }
}
