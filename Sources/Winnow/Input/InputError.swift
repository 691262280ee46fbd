/// A failure to read an input file.
///
/// The run reports it as `winnow: PATH: reason`, keeps the
/// records read before it, and goes on with the next file.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    /// Offset in the uncompressed stream where reading stopped.
    public var offset: Int

    public init(_ reason: String, offset: Int = 0) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { reason }
}
