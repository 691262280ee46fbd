/// Counts the 2-grams of a sequence of Basic Multilingual Plane scalars, exactly.
///
/// The commonest repetition signal (Gopher's top 2-gram, on the characters of Chinese
/// text) and the candidates for the duplicate 10-gram come from here, so it is the inner
/// loop of the quality stage. A pair is its two 16-bit values side by side, so there is
/// no hash to collide and no rolling arithmetic, and a table slot is one word: the pair in
/// the high half, its count in the low half (an empty slot is 0, a used one never is: its
/// count is at least 1).
struct PairCounter {
    private var table: [UInt64] = Array(repeating: 0, count: 1 << 11)
    /// The slot of the pair at each position of the last sequence.
    private var slots: [Int32] = []

    /// Whether every unit of `s` fits in 16 bits (what ``count(_:repeated:)`` needs).
    static func fits(_ s: UnsafeBufferPointer<UInt32>) -> Bool {
        var all: UInt32 = 0
        for v in s { all |= v }
        return all < 0x1_0000
    }

    /// Counts the pairs of `s` (at least two units, each below 0x10000) and returns the
    /// highest count.
    ///
    /// Appends to `candidates`, ascending, each position `p` where the `run` pairs starting
    /// at `p, p + 1, …` all occur more than once: the only places an n-gram of `run + 1`
    /// units can repeat. The table is empty again afterwards.
    mutating func count(_ s: UnsafeBufferPointer<UInt32>, runs run: Int, candidates: inout [Int32]) -> Int {
        let pairs = s.count - 1
        precondition(pairs >= 1 && run >= 1)
        var capacity = table.count
        if capacity < 2 * pairs {
            while capacity < 2 * pairs { capacity <<= 1 }
            table = Array(repeating: 0, count: capacity)
        }
        if slots.count < pairs { slots = Array(repeating: 0, count: pairs) }
        let mask = capacity - 1
        let shift = UInt32(32 - capacity.trailingZeroBitCount)
        var top: UInt64 = 0
        table.withUnsafeMutableBufferPointer { table in
            slots.withUnsafeMutableBufferPointer { slots in
                for i in 0..<pairs {
                    let key = s[i] << 16 | s[i + 1]
                    var slot = Int((key &* 0x9E37_79B1) >> shift)
                    let tagged = UInt64(key) << 32
                    while true {
                        // An empty slot and the pair's own slot take the same store (an
                        // empty slot's count is 0), so the only branch is on a collision,
                        // which is rare; "new pair or seen pair", half and half in prose,
                        // is no longer a branch to mispredict.
                        let entry = table[slot]
                        if min((entry >> 32) ^ UInt64(key), entry) == 0 {
                            table[slot] = tagged | ((entry & 0xFFFF_FFFF) &+ 1)
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                    slots[i] = Int32(truncatingIfNeeded: slot)
                }
                // The length of the run of repeated pairs ending at i, without a branch on
                // whether the pair repeats (which no predictor guesses): 1 - count has its
                // top bit set exactly when count >= 2.
                var repeatedRun = 0
                for i in 0..<pairs {
                    let count = table[Int(slots[i])] & 0xFFFF_FFFF
                    top = max(top, count)
                    let repeats = Int(truncatingIfNeeded: (1 &- count) >> 63)
                    repeatedRun = (repeatedRun &+ 1) & (0 &- repeats)
                    if repeatedRun >= run { candidates.append(Int32(truncatingIfNeeded: i - run + 1)) }
                }
                for i in 0..<pairs { table[Int(slots[i])] = 0 }
            }
        }
        return Int(top)
    }
}
