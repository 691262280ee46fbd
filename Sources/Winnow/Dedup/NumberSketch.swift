/// The numbers of a text, as a bottom-k sketch: the facts a copy keeps.
///
/// Templated reports (daily case counts, weather, prices) share almost all of their words and
/// differ in their numbers; a copy of one report, however disguised, keeps its numbers. Two
/// articles whose texts look alike but whose numbers mostly differ are different articles.
/// Numbers are maximal runs of at least two digits (a `.` between digits included), hashed
/// with an explicit seed; the sketch keeps the ``capacity`` smallest hashes.
struct NumberSketch: Sendable, Equatable {
    static let capacity = 32
    /// Sorted ascending; `count` valid entries.
    var hashes: [UInt32]

    init(hashes: [UInt32]) {
        self.hashes = hashes
    }

    /// The sketch of match-view scalars.
    init(_ scalars: [UInt32]) {
        var all: [UInt32] = []
        var i = 0
        while i < scalars.count {
            guard Self.isDigit(scalars[i]) else {
                i += 1
                continue
            }
            var h: UInt64 = 0x4E55_4D42_4552_5321  // "NUMBERS!"
            var length = 0
            while i < scalars.count,
                Self.isDigit(scalars[i])
                    || (scalars[i] == 0x2E && i + 1 < scalars.count && Self.isDigit(scalars[i + 1]) && length > 0)
            {
                h = StableHash.mix(h ^ UInt64(scalars[i]))
                length += 1
                i += 1
            }
            if length >= 2 { all.append(UInt32(truncatingIfNeeded: h)) }
        }
        hashes = Array(Set(all).sorted().prefix(Self.capacity))
    }

    /// Whether the numbers are consistent with a copy, possibly cut: either text has fewer
    /// than three numbers, or at least half of one text's numbers appear in the other's.
    func isCompatible(with other: NumberSketch) -> Bool {
        guard hashes.count >= 3, other.hashes.count >= 3 else { return true }
        return containedShare(in: other) >= 0.5 || other.containedShare(in: self) >= 0.5
    }

    /// The share of this sketch's numbers found in `other`, judged only below `other`'s
    /// largest kept hash when `other` is full (above it, `other` dropped what it had).
    private func containedShare(in other: NumberSketch) -> Double {
        let limit = other.hashes.count == Self.capacity ? (other.hashes.last ?? .max) : .max
        let considered = hashes.filter { $0 <= limit }
        guard considered.count >= 3 else { return 1 }
        let theirs = Set(other.hashes)
        return Double(considered.filter { theirs.contains($0) }.count) / Double(considered.count)
    }

    private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
}
