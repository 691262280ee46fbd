import Hummingbird

/// Times every request, turns every error into a JSON body with a reason, and counts both.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = APIError.response(
                status: error.status, code: APIError.code(for: error.status), message: error.body ?? "\(error.status)")
        } catch let error as APIError {
            response = error.response
        } catch {
            response = APIError.response(status: .internalServerError, code: "internal", message: "\(error)")
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let path =
            ["/", "/health", "/metrics", "/v1/clean", "/v1/clean/batch"].contains(request.uri.path)
            ? request.uri.path : "other"
        metrics.request(
            path: path, status: response.status.code, bytesIn: request.headers[.contentLength].flatMap { Int($0) } ?? 0,
            bytesOut: response.body.contentLength ?? 0, seconds: seconds)
        return response
    }
}
