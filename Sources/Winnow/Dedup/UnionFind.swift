/// Disjoint sets over document indices (union by size, path halving): the connected
/// components of the verified duplicate edges.
///
/// 8 bytes per document.
/// Components do not depend on the order in which edges are added, which is what makes the
/// clusters the same whether one process adds them or a cluster engine computes them
/// (`integrations/spark`).
struct UnionFind {
    private var parent: [UInt32]
    private var size: [UInt32]

    init(count: Int) {
        parent = (0..<count).map { UInt32($0) }
        size = Array(repeating: 1, count: count)
    }

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
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = UInt32(ra)
        size[ra] += size[rb]
    }
}
