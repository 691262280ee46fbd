import Hummingbird

/// An API error: an HTTP status and a JSON body `{"error": CODE, "message": TEXT}`.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    var response: Response { Self.response(status: status, code: code, message: message) }

    static func response(status: HTTPResponse.Status, code: String, message: String) -> Response {
        var body = "{\"error\":"
        appendJSONString(code, to: &body)
        body += ",\"message\":"
        appendJSONString(message, to: &body)
        body += "}"
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
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

    private static func appendJSONString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
