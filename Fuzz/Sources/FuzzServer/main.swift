import Dispatch
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import WinnowServer

/// Any bytes as a request to the `winnow serve` routes (in process: the handlers,
/// middleware and limits, not NIO's HTTP parser).
///
/// The first byte picks the route and content type, the rest is the body. A response must
/// never be a 5xx: every client error has its 4xx and a JSON reason. The router is built
/// once and its responder called directly, so an hour-long run neither rebuilds the
/// application nor leaks a test channel per request (HummingbirdTesting's router client did,
/// about 100 KB per input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let selector = bytes.first ?? 0
    let routes: [(HTTPRequest.Method, String)] = [
        (.post, "/v1/clean"), (.post, "/v1/clean/batch"), (.post, "/v1/clean"), (.get, "/health"),
    ]
    let types = ["text/plain; charset=utf-8", "application/json", "application/x-ndjson", "text/html"]
    let (method, path) = routes[Int(selector & 3)]
    let body = ByteBuffer(bytes: bytes.dropFirst())
    let headers: HTTPFields = [
        .contentType: types[Int(selector >> 2) & 3], .contentLength: String(body.readableBytes),
    ]
    let request = Request(
        head: .init(method: method, scheme: "http", authority: "localhost", path: path, headerFields: headers),
        body: RequestBody(buffer: body))
    let done = DispatchSemaphore(value: 0)
    let answer = NIOLockedValueBox(0)
    Task {
        let status = await respond(to: request)
        answer.withLockedValue { $0 = status }
        done.signal()
    }
    done.wait()
    let status = answer.withLockedValue { $0 }
    if status >= 500 {
        fatalError("\(method) \(path) answered \(status) for \(size) bytes")
    }
    return 0
}

/// The served routes, with a small body cap so the fuzzer reaches the 413 path.
let responder: some HTTPResponder<BasicRequestContext> = {
    var configuration = ServerConfiguration()
    configuration.maxBodyBytes = 4096
    return buildRouter(configuration).buildResponder()
}()

/// One channel for every request's context: the handlers only read its logger.
let channel = NIOAsyncTestingChannel()
let logger = Logger(label: "fuzz-server")

/// The response status after the whole body was written (a streamed batch runs while its
/// body is drained); a thrown error counts as the status it carries, or 500.
func respond(to request: Request) async -> Int {
    let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
    do {
        let response = try await responder.respond(to: request, context: context)
        try await response.body.write(DiscardingWriter())
        return Int(response.status.code)
    } catch let error as any HTTPResponseError {
        return Int(error.status.code)
    } catch {
        return 500
    }
}

/// Reads and drops a response body.
struct DiscardingWriter: ResponseBodyWriter {
    mutating func write(_ buffer: ByteBuffer) async throws {}
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
