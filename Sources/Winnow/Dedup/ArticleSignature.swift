/// What dedup knows of one article: made in pass 1 from its text (template paragraphs cut),
/// stored as a fixed-size record in the signature files, and printed in hex by
/// `winnow worker signatures` for a cluster engine.
///
/// Record layout (little-endian, ``size`` bytes):
///
/// | offset | field |
/// |---|---|
/// | 0 | match-view length in scalars (UInt32) |
/// | 4 | metadata fields present: title, outlet, author, editor, via (UInt32) |
/// | 8 | exact hash of the match view (2 × UInt64) |
/// | 24 | id key: ``StableHash`` of the article id (UInt64), the order-independent tie-break |
/// | 32 | number sketch: count (UInt32) + ``NumberSketch/capacity`` × UInt32 |
/// | 36 + 4 × capacity | MinHash signature: ``MinHasher/bins`` × UInt32 |
struct ArticleSignature: Equatable {
    var length: UInt32
    var metadata: UInt32
    var exact: [UInt64]
    var idKey: UInt64
    var numbers: NumberSketch
    var minhash: [UInt32]

    static let idKeyOffset = 24
    static let numbersOffset = 32
    static let minhashOffset = 36 + 4 * NumberSketch.capacity
    static let size = minhashOffset + 4 * MinHasher.bins

    /// The signature of `text` (the article's text after template paragraphs are cut).
    ///
    /// `scalars` and `minhash` are scratch buffers reused across articles.
    init(text: [UInt8], id: [UInt8], metadata: Int, scalars: inout [UInt32]) {
        scalars.removeAll(keepingCapacity: true)
        text.withUnsafeBufferPointer { MatchView.scalars($0, into: &scalars) }
        var signature = [UInt32](repeating: 0, count: MinHasher.bins)
        MinHasher.signature(scalars, into: &signature)
        let exact = scalars.withUnsafeBytes { raw in
            [StableHash.hash64(Array(raw), seed: 1), StableHash.hash64(Array(raw), seed: 2)]
        }
        self.init(
            length: UInt32(scalars.count), metadata: UInt32(metadata), exact: exact,
            idKey: Self.idKey(id), numbers: NumberSketch(scalars), minhash: signature)
    }

    init(
        length: UInt32, metadata: UInt32, exact: [UInt64], idKey: UInt64, numbers: NumberSketch,
        minhash: [UInt32]
    ) {
        self.length = length
        self.metadata = metadata
        self.exact = exact
        self.idKey = idKey
        self.numbers = numbers
        self.minhash = minhash
    }

    /// Decodes a record of ``size`` bytes.
    init(decoding raw: UnsafeRawBufferPointer) {
        func u32(_ offset: Int) -> UInt32 {
            UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        }
        func u64(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        let count = min(Int(u32(Self.numbersOffset)), NumberSketch.capacity)
        self.init(
            length: u32(0), metadata: u32(4), exact: [u64(8), u64(16)], idKey: u64(Self.idKeyOffset),
            numbers: NumberSketch(hashes: (0..<count).map { u32(Self.numbersOffset + 4 + 4 * $0) }),
            minhash: (0..<MinHasher.bins).map { u32(Self.minhashOffset + 4 * $0) })
    }

    /// The key that orders articles wherever order must not depend on input order: the
    /// centre of a bucket's star and the survivor among equals.
    static func idKey(_ id: [UInt8]) -> UInt64 { StableHash.hash64(id, seed: 0x4944_4B45_5921) }  // "IDKEY!"

    /// The LSH bucket key of `band` (rows `band × rows ..< (band + 1) × rows` of the
    /// signature, read through `value`): articles with equal rows share it.
    static func bandKey(band: Int, rows: Int, _ value: (Int) -> UInt32) -> UInt64 {
        var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for r in 0..<rows { h = StableHash.mix(h ^ UInt64(value(band * rows + r))) }
        return h
    }

    func encode(into out: inout [UInt8]) {
        func append<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        append(length)
        append(metadata)
        append(exact[0])
        append(exact[1])
        append(idKey)
        append(UInt32(numbers.hashes.count))
        for k in 0..<NumberSketch.capacity { append(k < numbers.hashes.count ? numbers.hashes[k] : 0) }
        for v in minhash { append(v) }
    }

    /// Whether two articles are copies (the check every candidate pair passes before it is an
    /// edge): similar as wholes (estimated Jaccard ≥ `threshold`) or one contained in the
    /// other (a copy with paragraphs cut: the estimated share of the shorter text's grams
    /// found in the longer ≥ `containment`, from |A∩B| = J·(|A|+|B|)/(1+J)), and numbers
    /// that agree (``NumberSketch``).
    func isCopy(of other: ArticleSignature, threshold: Double, containment: Double) -> Bool {
        guard numbers.isCompatible(with: other.numbers) else { return false }
        return Self.isSimilar(
            j: similarity(to: other), lengths: (length, other.length), threshold: threshold, containment: containment)
    }

    /// The similarity half of ``isCopy(of:threshold:containment:)``: whole or contained.
    static func isSimilar(j: Double, lengths: (UInt32, UInt32), threshold: Double, containment: Double) -> Bool {
        if j >= threshold { return true }
        let la = Double(max(1, Int(lengths.0) - MinHasher.gram + 1))
        let lb = Double(max(1, Int(lengths.1) - MinHasher.gram + 1))
        let shared = j * (la + lb) / (1 + j)
        return shared / min(la, lb) >= containment
    }

    /// ``isSimilar(j:lengths:threshold:containment:)`` on two encoded records, without
    /// decoding them: most candidate pairs of a band fail here, and decoding allocates.
    static func recordsAreSimilar(
        _ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, threshold: Double, containment: Double
    ) -> Bool {
        var equal = 0
        for k in 0..<MinHasher.bins {
            let offset = minhashOffset + 4 * k
            if a.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                == b.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            {
                equal += 1
            }
        }
        let lengths = (
            UInt32(littleEndian: a.loadUnaligned(as: UInt32.self)),
            UInt32(littleEndian: b.loadUnaligned(as: UInt32.self))
        )
        return isSimilar(
            j: Double(equal) / Double(MinHasher.bins), lengths: lengths, threshold: threshold, containment: containment)
    }

    func similarity(to other: ArticleSignature) -> Double {
        minhash.withUnsafeBufferPointer { a in other.minhash.withUnsafeBufferPointer { MinHasher.similarity(a, $0) } }
    }

    /// Whether this article survives over `other` in a cluster: the longer match view, then
    /// more metadata, then the smaller id key (a rule that ignores input order).
    func survives(over other: ArticleSignature) -> Bool {
        (length, metadata, other.idKey) > (other.length, other.metadata, idKey)
    }
}
