/// Small byte-level matching helpers for lexicon phrases and labels.
///
/// Phrases are short; a direct comparison beats building a `String` per candidate.
enum ByteMatch {
    /// Whether `p[range]` starts with `pattern`.
    @inline(__always)
    static func hasPrefix(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: [UInt8]) -> Bool {
        guard range.count >= pattern.count else { return false }
        var k = 0
        while k < pattern.count {
            if p[range.lowerBound + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `p[haystack]` contains the bytes `p[needle]` (an empty needle is contained).
    ///
    /// Candidates are tested on their first eight bytes at once for needles that long: a
    /// first-byte test stops at every third byte of CJK text, whose characters share lead
    /// bytes.
    static func contains(_ p: UnsafeBufferPointer<UInt8>, _ haystack: Range<Int>, _ needle: Range<Int>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        if needle.count >= 8, let base = UnsafeRawPointer(p.baseAddress) {
            let head = base.loadUnaligned(fromByteOffset: needle.lowerBound, as: UInt64.self)
            var i = haystack.lowerBound
            while i + needle.count <= haystack.upperBound {
                if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) == head,
                    ByteMatch.equal(p, i + 8, needle.lowerBound + 8, needle.count - 8)
                {
                    return true
                }
                i += 1
            }
            return false
        }
        let first = p[needle.lowerBound]
        var i = haystack.lowerBound
        while i + needle.count <= haystack.upperBound {
            if p[i] == first, ByteMatch.equal(p, i, needle.lowerBound, needle.count) { return true }
            i += 1
        }
        return false
    }

    private static func equal(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ count: Int) -> Bool {
        for k in 0..<count where p[a + k] != p[b + k] { return false }
        return true
    }

    /// Whether `p[range]` ends with `pattern`.
    @inline(__always)
    static func hasSuffix(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: [UInt8]) -> Bool {
        guard range.count >= pattern.count else { return false }
        let start = range.upperBound - pattern.count
        var k = 0
        while k < pattern.count {
            if p[start + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `p[range]` equals `pattern`.
    @inline(__always)
    static func equals(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: [UInt8]) -> Bool {
        range.count == pattern.count && hasPrefix(p, range, pattern)
    }

    /// The longest phrase of `phrases` that `p[range]` starts with.
    static func longestPrefix(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in phrases: [[UInt8]]) -> [UInt8]? {
        longestPrefix(p, range, in: PhraseSet(phrases))
    }

    /// The longest phrase of `set` that `p[range]` starts with; most positions are rejected
    /// by the first-byte table without touching a phrase.
    static func longestPrefix(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in set: PhraseSet) -> [UInt8]? {
        set.longestMatch(p, range).map { set.phrases[$0] }
    }
}

/// A lexicon list prepared for matching: its phrases and the set of their first bytes.
///
/// Matching rejects most positions on the first byte, then most of the rest on a 256-bit
/// filter of first scalars (most lexicon phrases are Han, whose first bytes are all E4–E9),
/// and only then compares the phrases that start with the same scalar.
struct PhraseSet: Sendable {
    let phrases: [[UInt8]]
    let firstBytes: ByteTable
    private let firstScalarFilter: ByteTable
    /// Indices of ``phrases`` by their first scalar.
    private let byFirstScalar: [UInt32: [Int]]

    init(_ phrases: [[UInt8]]) {
        self.phrases = phrases
        let firsts = Set(phrases.compactMap(\.first))
        firstBytes = ByteTable { firsts.contains($0) }
        var index: [UInt32: [Int]] = [:]
        for (k, phrase) in phrases.enumerated() where !phrase.isEmpty {
            let first = phrase.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: 0).value }
            index[first, default: []].append(k)
        }
        byFirstScalar = index
        let buckets = Set(index.keys.map(Self.bucket))
        firstScalarFilter = ByteTable { buckets.contains($0) }
    }

    @inline(__always)
    private static func bucket(_ v: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: (v &* 0x9E37_79B1) >> 24) }

    /// The index of the longest phrase that `p[range]` starts with.
    func longestMatch(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, firstBytes[p[range.lowerBound]] else { return nil }
        let first = UTF8Scalar.decode(p, at: range.lowerBound).value
        guard firstScalarFilter[Self.bucket(first)], let candidates = byFirstScalar[first] else { return nil }
        var best: Int?
        var bestLength = 0
        for k in candidates {
            let phrase = phrases[k]
            if phrase.count > bestLength, ByteMatch.hasPrefix(p, range, phrase) {
                best = k
                bestLength = phrase.count
            }
        }
        return best
    }
}

extension Array where Element == UInt8 {
    /// The UTF-8 bytes of `s`.
    init(utf8 s: String) { self = Array(s.utf8) }
}
