import ArgumentParser
import Winnow
import WinnowServer

/// `winnow serve`: the HTTP API and the web inspector.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the cleaner over HTTP, with a web inspector at /.",
        discussion: """
            POST /v1/clean (text/plain page, or JSON {"id","text","url"}) returns the page record; \
            POST /v1/clean/batch streams JSON Lines in and out; GET /health; GET /metrics (Prometheus); \
            GET / is the inspector. Bodies over --max-body-bytes get 413.
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Largest request body, in bytes.")
    var maxBodyBytes = 8 << 20

    @Option(help: "Seconds a connection may stay idle.")
    var idleTimeout: Int64 = 30

    @Option(help: "Seconds a request may take to arrive.")
    var requestTimeout: Int64 = 60

    @Option(help: "Connections served at once.")
    var maxConnections = 1024

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard maxBodyBytes > 0, idleTimeout > 0, requestTimeout > 0, maxConnections > 0 else {
            throw ValidationError("limits must be positive")
        }
    }

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxBodyBytes = maxBodyBytes
        configuration.maxBatchLineBytes = maxBodyBytes
        configuration.idleTimeoutSeconds = idleTimeout
        configuration.requestTimeoutSeconds = requestTimeout
        configuration.maxConnections = maxConnections
        FileIO.printLine("winnow: serving on http://\(host):\(port)/", toStandardError: true)
        try await runServer(configuration)
    }
}
