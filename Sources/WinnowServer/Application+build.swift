public import Hummingbird
import HummingbirdCore
import Winnow

/// Builds the `winnow serve` application: the same one the tests drive in process.
///
/// Kept apart from `@main` (STYLE.md) so router tests and the live test build exactly what
/// the command runs.
public func buildApplication(_ configuration: ServerConfiguration) -> some ApplicationProtocol {
    let router = buildRouter(configuration)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "winnow",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections))
    )
}

/// The routes: the API, health, metrics and the inspector page.
public func buildRouter(_ configuration: ServerConfiguration) -> Router<BasicRequestContext> {
    let metrics = ServerMetrics()
    let api = CleanAPI(configuration: configuration, metrics: metrics)
    let router = Router()
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.get("/") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: InspectorPage.html)))
    }
    router.get("/health") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\",\"version\":\"\(WinnowInfo.version)\"}")))
    }
    router.get("/metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
            body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
    }
    router.post("/v1/clean") { request, _ in try await api.clean(request) }
    router.post("/v1/clean/batch") { request, _ in api.batch(request) }
    return router
}

/// Runs the server until SIGINT or SIGTERM (for `winnow serve`, which need not know Hummingbird).
public func runServer(_ configuration: ServerConfiguration) async throws {
    try await buildApplication(configuration).runService()
}
