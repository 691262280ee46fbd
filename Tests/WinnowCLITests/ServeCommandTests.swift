import Foundation
import Glibc
import Testing
import WinnowTesting

/// `winnow serve` as a process, with a raw socket client for what HTTP clients will not do:
/// trickle a body (reliability.md S2) and send a 1 GB body (S1, declared).
@Suite(.serialized) struct ServeCommandTests {
    /// Starts the server on a port of its own; returns the process and the port.
    ///
    /// Ports are `offset` apart per test, below Linux's ephemeral range so that no client
    /// socket holds one. A server that cannot bind exits, and the next port is tried; a slow start (a
    /// sanitizer build on a loaded machine) is waited for up to 30 s.
    private func startServer(_ extra: [String], offset: Int) throws -> (Process, UInt16) {
        for attempt in 0..<4 {
            let port = UInt16(20000 + (Int(getpid()) * 7 + offset + 1009 * attempt) % 12000)
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["serve", "--port", "\(port)"] + extra
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<300 {
                // A connect that succeeds while the process has exited reached some other
                // listener: the process must still be running.
                guard process.isRunning else { break }
                if let fd = try? connect(port) {
                    close(fd)
                    return (process, port)
                }
                usleep(100_000)
            }
            stop(process)
        }
        throw CocoaError(.fileReadUnknown)
    }

    /// Stops a server and waits for it to exit, so that the next test's server can bind
    /// its port and no request reaches a server that is shutting down.
    private func stop(_ process: Process) {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    private func connect(_ port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw CocoaError(.fileReadUnknown)
        }
        return fd
    }

    /// Sends `text`; a connection the server closed gives an error, not SIGPIPE.
    private func send(_ fd: Int32, _ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer {
            Glibc.send(fd, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL))
        }
    }

    /// Reads what the server answers within `seconds` (until it closes or the time is up), or
    /// only its first chunk with `firstChunk`.
    private func receive(_ fd: Int32, seconds: Int, firstChunk: Bool = false) -> String {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var out = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            out += buffer[0..<n]
            if firstChunk { break }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// S2: a client trickling its body is answered 408 once the request deadline passes.
    @Test func tricklingBodyGets408() throws {
        let (server, port) = try startServer(["--request-timeout", "1", "--idle-timeout", "10"], offset: 1)
        defer { stop(server) }
        let fd = try connect(port)
        defer { close(fd) }
        let start = Date()
        send(fd, "POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n今天")
        for _ in 0..<6 {
            usleep(400_000)
            send(fd, "天")
        }
        let answer = receive(fd, seconds: 5, firstChunk: true)
        #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(200))")
        #expect(answer.contains("request_timeout"))
        #expect(Date().timeIntervalSince(start) < 4)
    }

    /// S2: a client that stops sending is closed at the idle timeout.
    @Test func stalledClientIsClosedAtTheIdleTimeout() throws {
        let (server, port) = try startServer(["--idle-timeout", "1"], offset: 3)
        defer { stop(server) }
        let fd = try connect(port)
        defer { close(fd) }
        let start = Date()
        send(fd, "POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n今天")
        _ = receive(fd, seconds: 10)  // returns when the server closes the connection
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed >= 0.9 && elapsed < 3, "closed after \(elapsed) s")
    }

    /// S2: a client trickling its request header a byte at a time is cut off at the idle
    /// timeout all the same: bytes that make no request do not keep a connection alive.
    @Test func tricklingHeaderIsClosedAtTheIdleTimeout() throws {
        let (server, port) = try startServer(["--idle-timeout", "1"], offset: 7)
        defer { stop(server) }
        let fd = try connect(port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = Date()
        var closedAfter: Double?
        var byte: UInt8 = 0
        for character in "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + String(repeating: "a", count: 100) {
            send(fd, String(character))
            // recv gives 0 (end of stream) or an error once the server has closed; -1 with
            // EAGAIN while it waits.
            let n = recv(fd, &byte, 1, 0)
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                closedAfter = Date().timeIntervalSince(start)
                break
            }
        }
        let elapsed = try #require(closedAfter, "the server kept a trickling header open for 20 s")
        #expect(elapsed >= 0.9 && elapsed < 3, "closed after \(elapsed) s")
    }

    /// S1: a declared 1 GB body is refused at once, without reading it.
    @Test func hugeDeclaredBodyGets413() throws {
        let (server, port) = try startServer([], offset: 2)
        defer { stop(server) }
        let fd = try connect(port)
        defer { close(fd) }
        send(fd, "POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\nabc")
        let answer = receive(fd, seconds: 5)
        #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
        #expect(answer.contains("body_too_large"))
    }

    /// S3: many idle connections do not stop the server answering `/health`.
    @Test func idleConnectionsDoNotStarveHealth() throws {
        let (server, port) = try startServer(["--max-connections", "600", "--idle-timeout", "20"], offset: 4)
        defer { stop(server) }
        var idle: [Int32] = []
        defer { for fd in idle { close(fd) } }
        for _ in 0..<400 { if let fd = try? connect(port) { idle.append(fd) } }
        #expect(idle.count == 400)
        let fd = try connect(port)
        defer { close(fd) }
        let start = Date()
        send(fd, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        let answer = receive(fd, seconds: 5, firstChunk: true)
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(100))")
        #expect(Date().timeIntervalSince(start) < 1)
    }

    /// S4: a header over the decoder's limit is refused, and the server goes on serving.
    @Test func oversizedHeaderIsRefused() throws {
        let (server, port) = try startServer([], offset: 5)
        defer { stop(server) }
        let fd = try connect(port)
        send(fd, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "a", count: 100_000) + "\r\n\r\n")
        let answer = receive(fd, seconds: 5)
        close(fd)
        #expect(!answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(100))")
        let next = try connect(port)
        defer { close(next) }
        send(next, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(receive(next, seconds: 5, firstChunk: true).hasPrefix("HTTP/1.1 200"))
    }

    /// S4: Content-Length with Transfer-Encoding, and a bad chunk size, are refused; the
    /// server goes on serving.
    @Test(arguments: [
        "POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /v1/clean HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n",
    ])
    func malformedFramingIsRefused(_ request: String) throws {
        let (server, port) = try startServer([], offset: 6)
        defer { stop(server) }
        let fd = try connect(port)
        send(fd, request)
        let answer = receive(fd, seconds: 3)
        close(fd)
        #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(100))")
        let next = try connect(port)
        defer { close(next) }
        send(next, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(receive(next, seconds: 5, firstChunk: true).hasPrefix("HTTP/1.1 200"))
    }
}
