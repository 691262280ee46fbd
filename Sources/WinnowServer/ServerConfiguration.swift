/// The settings of `winnow serve`, with the limits that hold under abuse.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Request bodies above this get 413 without the rest being read (default 8 MiB).
    public var maxBodyBytes = 8 << 20
    /// One line of a batch above this is answered with an error line, not read into memory.
    public var maxBatchLineBytes = 8 << 20
    /// A connection with no bytes in either direction for this long is closed.
    public var idleTimeoutSeconds: Int64 = 30
    /// A request not answered within this long gets 408 (a client trickling its body).
    public var requestTimeoutSeconds: Int64 = 60
    /// Connections accepted at once; more wait in the backlog.
    public var maxConnections = 1024

    public init() {}
}
