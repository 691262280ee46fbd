/// Disjoint sets over document indices (union by size, path halving): the clusters of
/// duplicates.
///
/// Each set remembers its center, the member it started from, so clusters can
/// be joined center to center and cannot chain (A~B~C~D with A and D unlike). 12 bytes per
/// document.
struct UnionFind {
    private var parent: [UInt32]
    private var size: [UInt32]
    private var centers: [UInt32]

    init(count: Int) {
        parent = (0..<count).map { UInt32($0) }
        size = Array(repeating: 1, count: count)
        centers = parent
    }

    /// The center of `x`'s set.
    mutating func center(_ x: Int) -> Int { Int(centers[find(x)]) }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a)
        var rb = find(b)
        guard ra != rb else { return }
        // The larger set absorbs the smaller and keeps its center; ties keep the first set's.
        let keep = size[ra] >= size[rb] ? centers[ra] : centers[rb]
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = UInt32(ra)
        size[ra] += size[rb]
        centers[ra] = keep
    }
}
