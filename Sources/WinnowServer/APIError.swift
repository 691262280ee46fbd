import Hummingbird
import Winnow

/// An API error: an HTTP status and a JSON body `{"error": CODE, "message": TEXT}`.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    var response: Response { Self.response(status: status, code: code, message: message) }

    static func response(status: HTTPResponse.Status, code: String, message: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body(code: code, message: message))))
    }

    /// `{"line": N, "error": CODE, "message": TEXT}` (`line` only in a batch), escaped by the
    /// same writer as every record.
    static func body(code: String, message: String, line: Int? = nil) -> String {
        let prefix = line.map { "{\"line\":\($0)," } ?? "{"
        return prefix + "\"error\":" + JSONWriter.quoted(code) + ",\"message\":" + JSONWriter.quoted(message) + "}"
    }

    /// A stable code for an HTTP status Hummingbird raised itself.
    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 413: "body_too_large"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 408: "request_timeout"
        default: "http_\(status.code)"
        }
    }
}
