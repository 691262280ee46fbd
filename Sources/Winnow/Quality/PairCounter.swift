/// Counts the 2-grams of a sequence of Basic Multilingual Plane scalars, exactly.
///
/// The commonest repetition signal (Gopher's top 2-gram, on the characters of Chinese
/// text) and the candidates for the duplicate 10-gram come from here, so it is the inner
/// loop of the quality stage. A pair is its two 16-bit values side by side, so there is
/// no hash to collide and no rolling arithmetic, and a table slot is one word: the pair in
/// the high 32 bits, then the generation that wrote it (8 bits), then its count (24 bits).
/// A slot of another generation is empty, so the table needs no clearing between texts,
/// only a full reset every 255 of them.
struct PairCounter {
    private var table: [UInt64] = Array(repeating: 0, count: 1 << 11)
    /// The generation of the current text, 1...255 (0 is the empty table's).
    private var generation: UInt64 = 0
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
    /// units can repeat. `s` has at most 2^24 - 1 units (a count must fit its 24 bits).
    mutating func count(_ s: UnsafeBufferPointer<UInt32>, runs run: Int, candidates: inout [Int32]) -> Int {
        let pairs = s.count - 1
        precondition(pairs >= 1 && run >= 1 && pairs < 0xFF_FFFF)
        // Sized to this text, not to the largest seen so far: after one long article, the
        // short ones would otherwise scatter their pairs over megabytes and miss the cache.
        var capacity = 1 << 11
        while capacity < 2 * pairs { capacity <<= 1 }
        if table.count < capacity { table = Array(repeating: 0, count: capacity) }
        generation += 1
        if generation > 0xFF {
            for i in table.indices { table[i] = 0 }
            generation = 1
        }
        let stamp = generation << 24
        let count24: UInt64 = 0xFF_FFFF
        if slots.count < pairs { slots = Array(repeating: 0, count: pairs) }
        let mask = capacity - 1
        let shift = UInt32(32 - capacity.trailingZeroBitCount)
        var top: UInt64 = 0
        table.withUnsafeMutableBufferPointer { table in
            slots.withUnsafeMutableBufferPointer { slots in
                for i in 0..<pairs {
                    let key = s[i] << 16 | s[i + 1]
                    var slot = Int((key &* 0x9E37_79B1) >> shift)
                    let tagged = UInt64(key) << 32 | stamp
                    while true {
                        // An empty slot and the pair's own slot take the same store (an
                        // empty slot counts 0), so the only branch is on a collision, which
                        // is rare; "new pair or seen pair", half and half in prose, is no
                        // longer a branch to mispredict.
                        var entry = table[slot]
                        if entry & (0xFF << 24) != stamp { entry = 0 }  // an earlier text's
                        if min((entry >> 32) ^ UInt64(key), entry) == 0 {
                            table[slot] = tagged | ((entry & count24) &+ 1)
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
                    let count = table[Int(slots[i])] & count24
                    top = max(top, count)
                    let repeats = Int(truncatingIfNeeded: (1 &- count) >> 63)
                    repeatedRun = (repeatedRun &+ 1) & (0 &- repeats)
                    if repeatedRun >= run { candidates.append(Int32(truncatingIfNeeded: i - run + 1)) }
                }
            }
        }
        return Int(top)
    }
}
