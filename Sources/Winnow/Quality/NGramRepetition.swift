/// Gopher's repetition signals on a sequence of units (characters or words): the share of
/// units in the most frequent n-gram, and the share inside n-grams that occur more than once.
///
/// N-grams are keyed by a 64-bit polynomial hash of their units (collisions are negligible
/// at article length) in an open-addressing table that is reused across n and articles;
/// only the slots a text used are cleared after it. A slot is two words, the key and its
/// count, side by side: a probe touches one cache line, not one in each of two arrays.
/// 2-grams of characters, the common case, are counted by ``PairCounter`` without hashing.
struct NGramRepetition {
    /// Slot `i` is `table[2 * i]` (the key, 0 when empty) and `table[2 * i + 1]` (its count).
    private var table: [UInt64] = Array(repeating: 0, count: 2 << 10)
    /// The slot of each n-gram counted last, in the order counted (the first `used`).
    private var slots: [Int32] = []
    private var used = 0
    /// Whether the n-gram at each position repeats (hashed n-grams only).
    private var marks: [Bool] = []
    /// The positions whose longer n-gram can repeat, ascending.
    private var candidates: [Int32] = []
    private var pairs = PairCounter()

    /// Units in the most frequent `n`-gram of `s`, over all units (Gopher's
    /// `top_n_gram_char_frac`); 0 for texts shorter than `n` or without a repeat.
    mutating func topFraction(_ s: UnsafeBufferPointer<UInt32>, n: Int) -> Double {
        guard s.count >= n else { return 0 }
        let top = count(s, n: n, at: nil)
        clear()
        return Self.topShare(top, n: n, of: s.count)
    }

    /// Units inside `n`-grams that occur more than once, over all units (Gopher's
    /// `duplicate_n_gram_char_frac`; overlapping n-grams count each unit once).
    mutating func duplicateFraction(_ s: UnsafeBufferPointer<UInt32>, n: Int) -> Double {
        guard s.count >= n else { return 0 }
        return duplicateShare(s, n: n, at: nil)
    }

    /// ``topFraction(_:n:)`` for `n` and ``duplicateFraction(_:n:)`` for `m` (`m >= n`) at
    /// once, the same values for less work.
    ///
    /// An `m`-gram that occurs twice has each of its `m - n + 1` inner `n`-grams occur twice
    /// too, so only the `m`-grams over a run of repeated `n`-grams can repeat; only those
    /// are counted. In prose such runs are rare outside copied passages.
    mutating func topAndDuplicate(_ s: UnsafeBufferPointer<UInt32>, top n: Int, duplicate m: Int) -> (
        top: Double, duplicate: Double
    ) {
        precondition(m >= n)
        guard s.count >= n else { return (0, 0) }
        let inner = m - n + 1
        candidates.removeAll(keepingCapacity: true)
        let top: Int
        if n == 2, PairCounter.fits(s) {
            top = pairs.count(s, runs: inner, candidates: &candidates)
        } else {
            top = markRepeats(s, n: n)
            // From the right: the length of the run of repeated n-grams starting at i; the
            // m-gram starting at i can repeat when that run covers it.
            marks.withUnsafeBufferPointer { repeated in
                var run = 0
                for i in stride(from: s.count - n, through: 0, by: -1) {
                    run = repeated[i] ? run + 1 : 0
                    if run >= inner { candidates.append(Int32(truncatingIfNeeded: i)) }
                }
            }
            candidates.reverse()
        }
        let topShare = Self.topShare(top, n: n, of: s.count)
        guard s.count >= m else { return (topShare, 0) }
        guard candidates.count > 1 else { return (topShare, 0) }
        var borrowedCandidates: [Int32] = []
        swap(&borrowedCandidates, &candidates)
        let duplicate = duplicateShare(s, n: m, at: borrowedCandidates)
        swap(&borrowedCandidates, &candidates)
        return (topShare, duplicate)
    }

    private static func topShare(_ top: Int, n: Int, of units: Int) -> Double {
        top > 1 ? Double(top * n) / Double(units) : 0
    }

    /// Counts the `n`-grams of `s` in the hash table and marks in ``marks`` those that occur
    /// more than once; returns the highest count.
    private mutating func markRepeats(_ s: UnsafeBufferPointer<UInt32>, n: Int) -> Int {
        let top = count(s, n: n, at: nil)
        if marks.count < used { marks = Array(repeating: false, count: used) }
        table.withUnsafeBufferPointer { table in
            slots.withUnsafeBufferPointer { slots in
                marks.withUnsafeMutableBufferPointer { repeated in
                    for i in 0..<used { repeated[i] = table[2 * Int(slots[i]) + 1] > 1 }
                }
            }
        }
        clear()
        return top
    }

    /// Units inside the `n`-grams of `s` that occur more than once, over all units; only
    /// the n-grams at `positions` (ascending) when given, all otherwise.
    private mutating func duplicateShare(_ s: UnsafeBufferPointer<UInt32>, n: Int, at positions: [Int32]?) -> Double {
        guard count(s, n: n, at: positions) > 1 else {
            clear()
            return 0
        }
        var inDuplicate = 0
        var coveredUntil = 0  // n-grams come in order: a run of covered units ends here
        table.withUnsafeBufferPointer { table in
            slots.withUnsafeBufferPointer { slots in
                for k in 0..<used where table[2 * Int(slots[k]) + 1] > 1 {
                    let position = positions.map { Int($0[k]) } ?? k
                    let from = max(position, coveredUntil)
                    let to = position + n
                    if to > from { inDuplicate += to - from }
                    coveredUntil = max(coveredUntil, to)
                }
            }
        }
        clear()
        return Double(inDuplicate) / Double(s.count)
    }

    /// Counts the `n`-grams of `s` at `positions` (every position when `nil`), in that
    /// order, recording each one's slot; returns the highest count.
    private mutating func count(_ s: UnsafeBufferPointer<UInt32>, n: Int, at positions: [Int32]?) -> Int {
        let grams = positions?.count ?? (s.count - n + 1)
        // Sized to this text, not to the largest seen so far (see ``PairCounter``).
        var capacity = 1 << 10
        while capacity < 2 * grams { capacity <<= 1 }
        if table.count < 2 * capacity { table = Array(repeating: 0, count: 2 * capacity) }
        if slots.count < grams { slots = Array(repeating: 0, count: grams) }
        used = grams
        let mask = capacity - 1
        let base: UInt64 = 0x100_0000_01B3
        var power: UInt64 = 1
        for _ in 1..<n { power = power &* base }
        var top: UInt64 = 0
        table.withUnsafeMutableBufferPointer { table in
            slots.withUnsafeMutableBufferPointer { slots in
                /// Adds one occurrence of the n-gram hashed `h`; its slot goes to `slots[k]`.
                func add(_ h: UInt64, _ k: Int) {
                    let key = h == 0 ? 1 : h  // 0 marks an empty slot (not `h | 1`: that merged 2k and 2k + 1)
                    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                    while table[2 * slot] != 0, table[2 * slot] != key { slot = (slot + 1) & mask }
                    table[2 * slot] = key
                    let count = table[2 * slot + 1] &+ 1
                    table[2 * slot + 1] = count
                    if count > top { top = count }
                    slots[k] = Int32(truncatingIfNeeded: slot)
                }
                if let positions {
                    // A few positions: each n-gram's hash from scratch.
                    for (k, p) in positions.enumerated() {
                        var h: UInt64 = 0
                        for i in Int(p)..<(Int(p) + n) { h = h &* base &+ UInt64(s[i]) }
                        add(h, k)
                    }
                    return
                }
                // Every position: a rolling hash.
                var h: UInt64 = 0
                for i in 0..<s.count {
                    if i >= n { h = h &- UInt64(s[i - n]) &* power }
                    h = h &* base &+ UInt64(s[i])
                    if i >= n - 1 { add(h, i - (n - 1)) }
                }
            }
        }
        return Int(clamping: top)
    }

    /// Empties the slots the last count used.
    private mutating func clear() {
        table.withUnsafeMutableBufferPointer { table in
            slots.withUnsafeBufferPointer { slots in
                for k in 0..<used {
                    let slot = Int(slots[k])
                    table[2 * slot] = 0
                    table[2 * slot + 1] = 0
                }
            }
        }
        used = 0
    }
}
