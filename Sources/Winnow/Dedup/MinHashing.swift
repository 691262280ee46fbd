/// Public entry to the dedup hashing, for benchmarks and tools.
public enum MinHashing {
    /// The MinHash signature (``MinHasher/bins`` values) of `text`'s match view.
    public static func signature(of text: [UInt8]) -> [UInt32] {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.count / 2)
        text.withUnsafeBufferPointer { MatchView.scalars($0, into: &scalars) }
        var signature = [UInt32](repeating: 0, count: MinHasher.bins)
        MinHasher.signature(scalars, into: &signature)
        return signature
    }
}
