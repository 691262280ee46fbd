/// Gopher's repetition signals on a sequence of units (characters or words): the share of
/// units in the most frequent n-gram, and the share inside n-grams that occur more than once.
///
/// N-grams are keyed by a 64-bit polynomial hash of their units (collisions are negligible
/// at article length) in an open-addressing table that is reused across n and articles;
/// only the slots a text used are cleared after it.
struct NGramRepetition {
    private var keys: [UInt64] = Array(repeating: 0, count: 1 << 10)
    private var counts: [Int32] = Array(repeating: 0, count: 1 << 10)
    /// The slot of each n-gram of the last text, in order.
    private var slots: [Int32] = []

    /// Units in the most frequent `n`-gram of `s`, over all units (Gopher's
    /// `top_n_gram_char_frac`); 0 for texts shorter than `n` or without a repeat.
    mutating func topFraction(_ s: [UInt32], n: Int) -> Double {
        guard s.count >= n else { return 0 }
        let top = fill(s, n: n)
        clear()
        return top > 1 ? Double(Int(top) * n) / Double(s.count) : 0
    }

    /// Units inside `n`-grams that occur more than once, over all units (Gopher's
    /// `duplicate_n_gram_char_frac`; overlapping n-grams count each unit once).
    mutating func duplicateFraction(_ s: [UInt32], n: Int) -> Double {
        guard s.count >= n else { return 0 }
        let top = fill(s, n: n)
        guard top > 1 else {
            clear()
            return 0
        }
        var inDuplicate = 0
        var coveredUntil = 0  // n-grams come in order: a run of covered units ends here
        counts.withUnsafeBufferPointer { counts in
            for (i, slot) in slots.enumerated() where counts[Int(slot)] > 1 {
                let from = max(i, coveredUntil)
                let to = i + n
                if to > from { inDuplicate += to - from }
                coveredUntil = max(coveredUntil, to)
            }
        }
        clear()
        return Double(inDuplicate) / Double(s.count)
    }

    /// Counts every n-gram of `s` in the table; returns the highest count.
    private mutating func fill(_ s: [UInt32], n: Int) -> Int32 {
        let grams = s.count - n + 1
        var capacity = keys.count
        if capacity < 2 * grams {
            while capacity < 2 * grams { capacity <<= 1 }
            keys = Array(repeating: 0, count: capacity)
            counts = Array(repeating: 0, count: capacity)
        }
        slots.removeAll(keepingCapacity: true)
        slots.reserveCapacity(grams)
        let mask = capacity - 1
        let base: UInt64 = 0x100_0000_01B3
        var power: UInt64 = 1
        for _ in 1..<n { power = power &* base }
        var top: Int32 = 0
        keys.withUnsafeMutableBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                s.withUnsafeBufferPointer { s in
                    var h: UInt64 = 0
                    for i in 0..<s.count {
                        if i >= n { h = h &- UInt64(s[i - n]) &* power }
                        h = h &* base &+ UInt64(s[i])
                        guard i >= n - 1 else { continue }
                        let key = h | 1  // 0 marks an empty slot
                        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & mask }
                        keys[slot] = key
                        counts[slot] += 1
                        if counts[slot] > top { top = counts[slot] }
                        slots.append(Int32(slot))
                    }
                }
            }
        }
        return top
    }

    /// Empties the slots the last text used.
    private mutating func clear() {
        keys.withUnsafeMutableBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for slot in slots {
                    keys[Int(slot)] = 0
                    counts[Int(slot)] = 0
                }
            }
        }
    }
}
