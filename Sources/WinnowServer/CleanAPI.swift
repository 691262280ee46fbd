import Hummingbird
import Winnow

/// `POST /v1/clean` and `POST /v1/clean/batch`: the page cleaner over HTTP.
struct CleanAPI: Sendable {
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let cleaner = PageCleaner()

    /// One page: `text/plain` (the page) or `application/json` (`{"id","text","url"}`); the
    /// response is the page record of `winnow clean`.
    func clean(_ request: Request) async throws -> Response {
        let body = try await readBody(request)
        let page: PageRequest
        if isJSON(request) {
            guard UTF8Repair.isValid(body) else {
                throw APIError(status: .badRequest, code: "invalid_utf8", message: "the JSON body is not valid UTF-8")
            }
            do {
                page = try PageRequest(json: body)
            } catch {
                throw APIError(status: .badRequest, code: error.code, message: error.message)
            }
        } else {
            page = PageRequest(text: body)
        }
        switch cleaner.clean(page.text, id: page.id) {
        case .page(let record):
            metrics.page(record)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: record.json())))
        case .rejected(let reason, let detail):
            throw APIError(status: .unprocessableContent, code: reason.rawValue, message: detail)
        }
    }

    /// JSON Lines in, JSON Lines out, streamed.
    ///
    /// Each input line gives one output line, the page record or `{"line": N, "error": CODE, "message": TEXT}`. A line over
    /// ``ServerConfiguration/maxBatchLineBytes`` is skipped without being held in memory.
    func batch(_ request: Request) -> Response {
        let body = request.body
        let limits = configuration
        let cleaner = cleaner
        let metrics = metrics
        return Response(
            status: .ok, headers: [.contentType: "application/x-ndjson"],
            body: ResponseBody { writer in
                let deadline = ContinuousClock.now + .seconds(limits.requestTimeoutSeconds)
                var splitter = LineSplitterStream(maxLineBytes: limits.maxBatchLineBytes)
                var lineNumber = 0
                func emit(_ line: LineSplitterStream.Line) async throws {
                    lineNumber += 1
                    let out = Self.batchLine(line, number: lineNumber, cleaner: cleaner, metrics: metrics)
                    try await writer.write(ByteBuffer(string: out + "\n"))
                }
                var chunks = body.makeAsyncIterator()
                while true {
                    let chunk: ByteBuffer
                    do {
                        guard let next = try await chunks.next() else { break }
                        chunk = next
                    } catch {
                        let message = "the request body is malformed (\(error)); the rest is not read"
                        try await writer.write(
                            ByteBuffer(string: Self.errorLine(lineNumber + 1, "bad_request_body", message) + "\n"))
                        try await writer.finish(nil)
                        return
                    }
                    for line in splitter.feed(Array(chunk.readableBytesView)) { try await emit(line) }
                    if ContinuousClock.now > deadline {
                        let message =
                            "the batch took longer than \(limits.requestTimeoutSeconds) s; the rest is not read"
                        try await writer.write(
                            ByteBuffer(string: Self.errorLine(lineNumber + 1, "request_timeout", message) + "\n"))
                        try await writer.finish(nil)
                        return
                    }
                }
                if let last = splitter.finish() { try await emit(last) }
                try await writer.finish(nil)
            })
    }

    private static func batchLine(
        _ line: LineSplitterStream.Line, number: Int, cleaner: PageCleaner, metrics: ServerMetrics
    ) -> String {
        let bytes: [UInt8]
        switch line {
        case .tooLong(let length):
            return errorLine(number, "too_long", "the line has \(length) bytes or more, over the limit")
        case .bytes(let b):
            bytes = b
        }
        guard UTF8Repair.isValid(bytes) else { return errorLine(number, "invalid_utf8", "the line is not valid UTF-8") }
        let page: PageRequest
        do {
            page = try PageRequest(json: bytes)
        } catch {
            return errorLine(number, error.code, error.message)
        }
        switch cleaner.clean(page.text, id: page.id) {
        case .page(let record):
            metrics.page(record)
            return record.json()
        case .rejected(let reason, let detail):
            return errorLine(number, reason.rawValue, detail)
        }
    }

    private static func errorLine(_ number: Int, _ code: String, _ message: String) -> String {
        APIError.body(code: code, message: message, line: number)
    }

    private func isJSON(_ request: Request) -> Bool {
        request.headers[.contentType].map { $0.lowercased().hasPrefix("application/json") } ?? false
    }

    /// The whole body, up to the limit (413 beyond, without reading the rest), within the
    /// request deadline (408 for a client trickling its body).
    ///
    /// The deadline is checked as chunks arrive; a client that stops sending altogether is
    /// closed by the idle timeout. (A timer task per request, raced against the body, kept
    /// each timer alive until it fired: 0.7 KB per request at 25,000 requests/s.)
    private func readBody(_ request: Request) async throws -> [UInt8] {
        let limit = configuration.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError(
                status: .contentTooLarge, code: "body_too_large",
                message: "the body has \(declared) bytes, over the limit of \(limit)")
        }
        let timeout = configuration.requestTimeoutSeconds
        let deadline = ContinuousClock.now + .seconds(timeout)
        var bytes: [UInt8] = []
        do {
            for try await chunk in request.body {
                guard bytes.count + chunk.readableBytes <= limit else {
                    throw APIError(
                        status: .contentTooLarge, code: "body_too_large",
                        message: "the body is over the limit of \(limit) bytes")
                }
                bytes.append(contentsOf: chunk.readableBytesView)
                if ContinuousClock.now > deadline {
                    throw APIError(
                        status: .requestTimeout, code: "request_timeout",
                        message: "the body did not arrive within \(timeout) s")
                }
            }
        } catch let error as APIError {
            throw error
        } catch {
            // The HTTP decoder's own errors (a bad chunk size): the client's fault, not ours.
            throw APIError(status: .badRequest, code: "bad_request_body", message: "\(error)")
        }
        return bytes
    }
}

extension PageRequest {
    /// A `text/plain` page: the body is the page.
    init(text: [UInt8]) {
        self = PageRequest(id: nil, text: text, url: nil)
    }
}
