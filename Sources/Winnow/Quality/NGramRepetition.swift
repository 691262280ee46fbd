/// Gopher's repetition signals on a sequence of characters: the share of characters in the
/// most frequent n-gram, and the share inside n-grams that occur more than once.
///
/// N-grams are keyed by a 64-bit polynomial hash of their scalars (collisions are negligible
/// at article length) in an open-addressing table that is reused across n and articles.
struct NGramRepetition {
    private var keys: [UInt64] = []
    private var counts: [Int32] = []
    private var hashes: [UInt64] = []
    private var covered: [Bool] = []

    /// Characters in the most frequent `n`-gram of `s`, over all characters (Gopher's
    /// `top_n_gram_char_frac`); 0 for texts shorter than `n`.
    mutating func topFraction(_ s: [UInt32], n: Int) -> Double {
        guard s.count >= n else { return 0 }
        fill(s, n: n)
        var top: Int32 = 0
        for c in counts where c > top { top = c }
        return top > 1 ? Double(Int(top) * n) / Double(s.count) : 0
    }

    /// Characters inside `n`-grams that occur more than once, over all characters
    /// (Gopher's `duplicate_n_gram_char_frac`; overlapping n-grams count each character once).
    mutating func duplicateFraction(_ s: [UInt32], n: Int) -> Double {
        guard s.count >= n else { return 0 }
        fill(s, n: n)
        covered = Array(repeating: false, count: s.count)
        var inDuplicate = 0
        for (i, h) in hashes.enumerated() where count(of: h) > 1 {
            for j in i..<(i + n) where !covered[j] {
                covered[j] = true
                inDuplicate += 1
            }
        }
        return Double(inDuplicate) / Double(s.count)
    }

    /// Hashes every n-gram of `s` into ``hashes`` and counts them in the table.
    private mutating func fill(_ s: [UInt32], n: Int) {
        let grams = s.count - n + 1
        var capacity = 16
        while capacity < 2 * grams { capacity <<= 1 }
        if keys.count != capacity {
            keys = Array(repeating: 0, count: capacity)
            counts = Array(repeating: 0, count: capacity)
        } else {
            for k in keys.indices { keys[k] = 0 }
            for k in counts.indices { counts[k] = 0 }
        }
        hashes.removeAll(keepingCapacity: true)
        let base: UInt64 = 0x100_0000_01B3
        var power: UInt64 = 1
        for _ in 1..<n { power = power &* base }
        var h: UInt64 = 0
        for i in 0..<s.count {
            if i >= n { h = h &- UInt64(s[i - n]) &* power }
            h = h &* base &+ UInt64(s[i])
            guard i >= n - 1 else { continue }
            let key = h | 1  // 0 marks an empty slot
            hashes.append(key)
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (capacity - 1)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            counts[slot] += 1
        }
    }

    private func count(of key: UInt64) -> Int32 {
        let capacity = keys.count
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (capacity - 1)
        while keys[slot] != 0 {
            if keys[slot] == key { return counts[slot] }
            slot = (slot + 1) & (capacity - 1)
        }
        return 0
    }
}
