import Dispatch
import Hummingbird
import HummingbirdTesting
import WinnowServer

/// Any bytes as a request to the `winnow serve` application (in process, Hummingbird's
/// router test mode: the handlers, middleware and limits, not NIO's HTTP parser).
///
/// The first byte picks the route and content type, the rest is the body. A response must
/// never be a 5xx: every client error has its 4xx and a JSON reason.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let selector = bytes.first ?? 0
    let body = ByteBuffer(bytes: bytes.dropFirst())
    let routes: [(HTTPRequest.Method, String)] = [
        (.post, "/v1/clean"), (.post, "/v1/clean/batch"), (.post, "/v1/clean"), (.get, "/health"),
    ]
    let types = ["text/plain; charset=utf-8", "application/json", "application/x-ndjson", "text/html"]
    let (method, path) = routes[Int(selector & 3)]
    let headers: HTTPFields = [.contentType: types[Int(selector >> 2) & 3]]
    var configuration = ServerConfiguration()
    configuration.maxBodyBytes = 4096
    let app = buildApplication(configuration)
    let done = DispatchSemaphore(value: 0)
    let answer = Answer()
    Task {
        do {
            try await app.test(.router) { client in
                try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
                    answer.status = Int(response.status.code)
                }
            }
        } catch {
            answer.status = -1
        }
        done.signal()
    }
    done.wait()
    let status = answer.status
    if status >= 500 || status < 0 {
        fatalError("\(method) \(path) answered \(status) for \(size) bytes")
    }
    return 0
}

/// The status the task saw; read after the semaphore, so never at the same time.
final class Answer: @unchecked Sendable {
    var status = 0
}
