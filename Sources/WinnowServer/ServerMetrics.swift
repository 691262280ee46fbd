import Synchronization
import Winnow

/// Counters for `GET /metrics`, in Prometheus's text format.
///
/// One lock around plain integers: updates are a few additions per request, far below the
/// cost of cleaning the page.
final class ServerMetrics: Sendable {
    /// Upper bounds of the latency histogram, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct State {
        var requests: [String: Int] = [:]  // "path status" → count
        var bytesIn = 0
        var bytesOut = 0
        var latencyCounts = Array(repeating: 0, count: ServerMetrics.buckets.count)
        var latencySum = 0.0
        var latencyTotal = 0
        var pages = 0
        var articles = 0
        var removed: [String: Int] = [:]
    }

    private let state = Mutex(State())

    func request(path: String, status: Int, bytesIn: Int, bytesOut: Int, seconds: Double) {
        state.withLock { s in
            s.requests["\(path) \(status)", default: 0] += 1
            s.bytesIn += bytesIn
            s.bytesOut += bytesOut
            for (k, bound) in Self.buckets.enumerated() where seconds <= bound { s.latencyCounts[k] += 1 }
            s.latencySum += seconds
            s.latencyTotal += 1
        }
    }

    func page(_ record: PageRecord) {
        state.withLock { s in
            s.pages += 1
            s.articles += record.articles.count
            for span in record.removed { s.removed[span.kind.rawValue, default: 0] += 1 }
        }
    }

    /// The Prometheus text exposition.
    func render() -> String {
        let s = state.withLock { $0 }
        var out =
            "# HELP winnow_requests_total HTTP requests by path and status.\n# TYPE winnow_requests_total counter\n"
        for (key, count) in s.requests.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ")
            out += "winnow_requests_total{path=\"\(parts[0])\",status=\"\(parts[1])\"} \(count)\n"
        }
        out +=
            "# HELP winnow_request_bytes_total Request body bytes declared (Content-Length).\n# TYPE winnow_request_bytes_total counter\n"
        out += "winnow_request_bytes_total \(s.bytesIn)\n"
        out +=
            "# HELP winnow_response_bytes_total Response body bytes written.\n# TYPE winnow_response_bytes_total counter\n"
        out += "winnow_response_bytes_total \(s.bytesOut)\n"
        out += "# HELP winnow_request_seconds Request latency.\n# TYPE winnow_request_seconds histogram\n"
        for (k, bound) in Self.buckets.enumerated() {
            out += "winnow_request_seconds_bucket{le=\"\(bound)\"} \(s.latencyCounts[k])\n"
        }
        out += "winnow_request_seconds_bucket{le=\"+Inf\"} \(s.latencyTotal)\n"
        out += "winnow_request_seconds_sum \(s.latencySum)\nwinnow_request_seconds_count \(s.latencyTotal)\n"
        out +=
            "# HELP winnow_pages_total Pages cleaned.\n# TYPE winnow_pages_total counter\nwinnow_pages_total \(s.pages)\n"
        out += "# HELP winnow_articles_total Articles recovered.\n# TYPE winnow_articles_total counter\n"
        out += "winnow_articles_total \(s.articles)\n"
        out += "# HELP winnow_removed_spans_total Removed spans by kind.\n# TYPE winnow_removed_spans_total counter\n"
        for (kind, count) in s.removed.sorted(by: { $0.key < $1.key }) {
            out += "winnow_removed_spans_total{kind=\"\(kind)\"} \(count)\n"
        }
        return out
    }
}
