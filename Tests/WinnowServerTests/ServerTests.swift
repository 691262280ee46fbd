import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WinnowServer
import WinnowTesting

/// Every endpoint and error, in process (`.router`), and one live request over loopback.
struct ServerTests {
    private func app(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) -> some ApplicationProtocol {
        var configuration = ServerConfiguration()
        configuration.port = 0
        adjust(&configuration)
        return buildApplication(configuration)
    }

    private static let portalPage =
        (try? Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("examples/sample-portal-page.txt")))
        ?? Data()

    private func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    @Test func healthAndInspectorPage() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let object = try json(response.body)
                #expect(object["status"] as? String == "ok")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(html.contains("Winnow inspector"))
                #expect(!html.contains("http://") && !html.contains("https://"), "no external assets")
            }
        }
    }

    @Test func cleanPlainTextGivesThePageRecord() async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/v1/clean", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(bytes: Self.portalPage)
            ) { response in
                #expect(response.status == .ok)
                let record = try json(response.body)
                let articles = try #require(record["articles"] as? [[String: Any]])
                #expect(articles.first?["title"] as? String == "城市公园新增夜间开放时段")
                #expect(articles.first?["outlet"] as? String == "新华社")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("winnow_pages_total 1"))
                #expect(text.contains("winnow_articles_total 1"))
                #expect(text.contains("winnow_removed_spans_total{kind=\"navigation\"}"))
                #expect(text.contains("winnow_requests_total{path=\"/v1/clean\",status=\"200\"} 1"))
                #expect(text.contains("winnow_request_seconds_bucket{le=\"+Inf\"}"))
            }
        }
    }

    @Test(
        arguments: [
            (#"{"id":"p1","text":"今天天气很好，我们去公园散步。"}"#, 200, nil),
            (#"{"id":"p1","text":5}"#, 400, "text_not_string"),
            (#"{"id":"p1"}"#, 400, "missing_text_field"),
            (#"{"id":"p1","text":"a""#, 400, "json_invalid"),
            (#"["text"]"#, 400, "json_not_object"),
            (#"{"text":"a","text":"b"}"#, 400, "json_duplicate_key"),
            (String(repeating: "[", count: 200) + String(repeating: "]", count: 200), 400, "json_not_object"),
            (
                #"{"x":"# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}", 400,
                "json_too_deep"
            ),
            (#"{"text":"\u0000\u0001"}"#, 422, "binary"),
        ] as [(String, Int, String?)])
    func cleanJSON(_ body: String, _ status: Int, _ code: String?) async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/v1/clean", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status.code == status, "\(String(buffer: response.body))")
                let object = try json(response.body)
                if let code {
                    #expect(object["error"] as? String == code)
                } else {
                    #expect(object["id"] as? String == "p1")
                }
            }
        }
    }

    @Test func invalidUTF8JSONIsRefused() async throws {
        try await app().test(.router) { client in
            var body = ByteBuffer(bytes: [0xFF, 0xFE])
            body.writeString(#"{"text":"a"}"#)
            try await client.execute(
                uri: "/v1/clean", method: .post, headers: [.contentType: "application/json"], body: body
            ) { response in
                #expect(response.status == .badRequest)
                let object = try json(response.body)
                #expect(object["error"] as? String == "invalid_utf8")
            }
        }
    }

    /// S1: over the limit is 413, declared or streamed.
    @Test func bodyOverTheLimitIs413() async throws {
        try await app { $0.maxBodyBytes = 1000 }.test(.router) { client in
            try await client.execute(
                uri: "/v1/clean", method: .post, body: ByteBuffer(bytes: [UInt8](repeating: 0x61, count: 5000))
            ) { response in
                #expect(response.status == .contentTooLarge)
                let object = try json(response.body)
                #expect(object["error"] as? String == "body_too_large")
            }
        }
    }

    @Test func batchStreamsOneLinePerLine() async throws {
        let lines = [
            #"{"id":"a","text":"今天天气很好，我们去公园散步。"}"#,
            "not json",
            #"{"id":"long","text":""# + String(repeating: "长", count: 2000) + #""}"#,
            #"{"id":"b","text":"第二页的内容。"}"#,
        ]
        try await app { $0.maxBatchLineBytes = 1000 }.test(.router) { client in
            try await client.execute(
                uri: "/v1/clean/batch", method: .post, body: ByteBuffer(string: lines.joined(separator: "\n") + "\n")
            ) { response in
                #expect(response.status == .ok)
                let out = String(buffer: response.body).split(separator: "\n").map {
                    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                }
                #expect(out.count == 4)
                #expect(out[0]?["id"] as? String == "a")
                #expect(out[1]?["error"] as? String == "json_not_object")
                #expect(out[1]?["line"] as? Int == 2)
                #expect(out[2]?["error"] as? String == "too_long")
                #expect(out[3]?["id"] as? String == "b")
            }
        }
    }

    @Test func unknownPathIsAJSON404() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v2/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                let object = try json(response.body)
                #expect(object["error"] as? String == "not_found")
            }
        }
    }

    /// One request over loopback through the real server.
    @Test func liveCleanOverLoopback() async throws {
        try await app().test(.live) { client in
            try await client.execute(
                uri: "/v1/clean", method: .post, body: ByteBuffer(bytes: Self.portalPage)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("城市公园新增夜间开放时段"))
            }
        }
    }
}
