/// Gopher's repetition signals on a sequence of units (characters or words): the share of
/// units in the most frequent n-gram, and the share inside n-grams that occur more than once.
///
/// N-grams are keyed by a 64-bit polynomial hash of their units (collisions are negligible
/// at article length) in an open-addressing table that is reused across n and articles;
/// only the slots a text used are cleared after it. A slot is two words, the key and its
/// count, side by side: a probe touches one cache line, not one in each of two arrays.
struct NGramRepetition {
    /// Slot `i` is `table[2 * i]` (the key, 0 when empty) and `table[2 * i + 1]` (its count).
    private var table: [UInt64] = Array(repeating: 0, count: 2 << 10)
    /// The slot of each n-gram of the last text, in order (the first `grams` entries); -1
    /// for an n-gram left out because it cannot repeat.
    private var slots: [Int32] = []
    private var grams = 0
    /// Whether the long n-gram starting at each position can repeat (filled by
    /// ``topAndDuplicate(_:top:duplicate:)``): the short n-grams inside it all repeat.
    private var repeatedStart: [Bool] = []

    /// Units in the most frequent `n`-gram of `s`, over all units (Gopher's
    /// `top_n_gram_char_frac`); 0 for texts shorter than `n` or without a repeat.
    mutating func topFraction(_ s: [UInt32], n: Int) -> Double {
        guard s.count >= n else { return 0 }
        let top = fill(s, n: n)
        clear()
        return top > 1 ? Double(Int(top) * n) / Double(s.count) : 0
    }

    /// ``topFraction(_:n:)`` for `n` and ``duplicateFraction(_:n:)`` for `m` (`m >= n`) at
    /// once, the same values for less work.
    ///
    /// An `m`-gram that occurs twice has each of its `m - n + 1` inner `n`-grams occur twice
    /// too, so only the `m`-grams over a run of repeated `n`-grams can repeat; the others
    /// are not counted at all. In prose, such runs are rare outside copied passages, and the
    /// `m`-gram table mostly stays empty.
    mutating func topAndDuplicate(_ s: [UInt32], top n: Int, duplicate m: Int) -> (top: Double, duplicate: Double) {
        precondition(m >= n)
        guard s.count >= n else { return (0, 0) }
        let top = fill(s, n: n)
        if repeatedStart.count < grams { repeatedStart = Array(repeating: false, count: grams) }
        let inner = m - n + 1
        var candidates = 0
        table.withUnsafeBufferPointer { table in
            slots.withUnsafeBufferPointer { slots in
                repeatedStart.withUnsafeMutableBufferPointer { candidate in
                    // From the right: the length of the run of repeated n-grams starting at
                    // i; an m-gram starting at i is a candidate when that run covers it.
                    var run = 0
                    for i in stride(from: grams - 1, through: 0, by: -1) {
                        run = table[2 * Int(slots[i]) + 1] > 1 ? run + 1 : 0
                        candidate[i] = run >= inner
                        if run >= inner { candidates += 1 }
                    }
                }
            }
        }
        clear()
        let topShare = top > 1 ? Double(Int(top) * n) / Double(s.count) : 0
        guard candidates > 1, s.count >= m else { return (topShare, 0) }
        return (topShare, duplicateShare(s, n: m, onlyRepeatedStarts: true))
    }

    /// Units inside `n`-grams that occur more than once, over all units (Gopher's
    /// `duplicate_n_gram_char_frac`; overlapping n-grams count each unit once).
    mutating func duplicateFraction(_ s: [UInt32], n: Int) -> Double {
        guard s.count >= n else { return 0 }
        return duplicateShare(s, n: n, onlyRepeatedStarts: false)
    }

    private mutating func duplicateShare(_ s: [UInt32], n: Int, onlyRepeatedStarts: Bool) -> Double {
        let top = fill(s, n: n, onlyRepeatedStarts: onlyRepeatedStarts)
        guard top > 1 else {
            clear()
            return 0
        }
        var inDuplicate = 0
        var coveredUntil = 0  // n-grams come in order: a run of covered units ends here
        table.withUnsafeBufferPointer { table in
            slots.withUnsafeBufferPointer { slots in
                for i in 0..<grams where slots[i] >= 0 && table[2 * Int(slots[i]) + 1] > 1 {
                    let from = max(i, coveredUntil)
                    let to = i + n
                    if to > from { inDuplicate += to - from }
                    coveredUntil = max(coveredUntil, to)
                }
            }
        }
        clear()
        return Double(inDuplicate) / Double(s.count)
    }

    /// Counts every n-gram of `s` in the table (with `onlyRepeatedStarts`, those whose
    /// position is marked in ``repeatedStart``); returns the highest count.
    private mutating func fill(_ s: [UInt32], n: Int, onlyRepeatedStarts: Bool = false) -> Int32 {
        grams = s.count - n + 1
        var capacity = table.count / 2
        if capacity < 2 * grams {
            while capacity < 2 * grams { capacity <<= 1 }
            table = Array(repeating: 0, count: 2 * capacity)
        }
        if slots.count < grams { slots = Array(repeating: 0, count: grams) }
        let mask = capacity - 1
        let base: UInt64 = 0x100_0000_01B3
        var power: UInt64 = 1
        for _ in 1..<n { power = power &* base }
        var top: UInt64 = 0
        table.withUnsafeMutableBufferPointer { table in
            slots.withUnsafeMutableBufferPointer { slots in
                repeatedStart.withUnsafeBufferPointer { repeated in
                    s.withUnsafeBufferPointer { s in
                        var h: UInt64 = 0
                        for i in 0..<s.count {
                            if i >= n { h = h &- UInt64(s[i - n]) &* power }
                            h = h &* base &+ UInt64(s[i])
                            guard i >= n - 1 else { continue }
                            if onlyRepeatedStarts, !repeated[i - (n - 1)] {
                                slots[i - (n - 1)] = -1
                                continue
                            }
                            let key = h == 0 ? 1 : h  // 0 marks an empty slot (not `h | 1`: that merged 2k and 2k + 1)
                            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                            while table[2 * slot] != 0, table[2 * slot] != key { slot = (slot + 1) & mask }
                            table[2 * slot] = key
                            let count = table[2 * slot + 1] &+ 1
                            table[2 * slot + 1] = count
                            if count > top { top = count }
                            slots[i - (n - 1)] = Int32(truncatingIfNeeded: slot)
                        }
                    }
                }
            }
        }
        return Int32(clamping: top)
    }

    /// Empties the slots the last text used.
    private mutating func clear() {
        table.withUnsafeMutableBufferPointer { table in
            slots.withUnsafeBufferPointer { slots in
                for i in 0..<grams where slots[i] >= 0 {
                    let slot = Int(slots[i])
                    table[2 * slot] = 0
                    table[2 * slot + 1] = 0
                }
            }
        }
        grams = 0
    }
}
