/// Pass 2: clusters and survivors, from the signature files alone.
///
/// The clusters are the connected components of a graph whose edges do not depend on the
/// order of the input, so a cluster engine that computes the same edges and components
/// (`integrations/spark/winnow_spark.py`) finds the same clusters and survivors:
///
/// - **Exact edges:** articles with equal 128-bit match-view hashes are joined.
/// - **Band edges:** for each of ``DedupConfiguration/bands`` bands, the articles with equal
///   values in its ``DedupConfiguration/rows`` signature rows form a bucket (here a sort by a
///   64-bit hash of band and rows; on Spark a group by the values). The article with the
///   smallest id key (``ArticleSignature/idKey``) is the bucket's centre, and each other
///   member is joined to it if the two are copies (``ArticleSignature/isCopy(of:threshold:containment:)``).
///   Checking members against one centre, not against each other, keeps the comparisons
///   linear in the bucket's size; a member unlike the centre may still join through another
///   band.
/// - **Survivor:** per component, the article that ``ArticleSignature/survives(over:)`` all
///   others (longest match view, most metadata, smallest id key).
extension Deduplicator {
    func clusterPass(
        _ parts: [String], counts: [Int], summary: inout Summary
    ) throws -> (survivor: [UInt32], similarity: [Float]) {
        let files = try SignatureFiles(paths: parts.map(signaturePath), counts: counts)
        let n = files.count
        summary.articles = n
        // In memory per article: length, metadata, exact hash, id key; signatures stay in the files.
        var lengths = [UInt32](repeating: 0, count: n)
        var metadata = [UInt8](repeating: 0, count: n)
        var exact = [UInt64](repeating: 0, count: 2 * n)
        var idKeys = [UInt64](repeating: 0, count: n)
        try files.forEachRecord { d, record in
            lengths[d] = record.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            metadata[d] = UInt8(min(255, record.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
            exact[2 * d] = record.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            exact[2 * d + 1] = record.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            idKeys[d] = record.loadUnaligned(fromByteOffset: ArticleSignature.idKeyOffset, as: UInt64.self)
        }
        var sets = UnionFind(count: n)
        // Exact edges: runs of equal 128-bit hashes.
        var order = (0..<n).map { UInt32($0) }
        order.sort {
            (exact[2 * Int($0)], exact[2 * Int($0) + 1], $0) < (exact[2 * Int($1)], exact[2 * Int($1) + 1], $1)
        }
        for k in 1..<max(1, n) {
            let a = Int(order[k - 1])
            let b = Int(order[k])
            if exact[2 * a] == exact[2 * b], exact[2 * a + 1] == exact[2 * b + 1] { sets.union(a, b) }
        }
        order = []
        // Band edges: each bucket's members joined to its centre when they are copies. One
        // scan of the signature files gives the keys of as many bands as fit in
        // ``bucketMemory`` (reading the files once per band cost a fifth of the pass). Bucket
        // entries are sorted as values, not as indices into key arrays (no cache miss per
        // comparison). Bands are verified in order, so the components do not depend on how
        // many bands a scan holds.
        let rows = configuration.rows
        let bands = configuration.bands
        let perScan = max(1, min(bands, Self.bucketMemory / max(1, n * MemoryLayout<BucketEntry>.stride)))
        // Pairs found not to be copies: 8 MB, whatever the corpus size (0 is no pair: a
        // centre is never its own member).
        var failed = [UInt64](repeating: 0, count: 1 << 20)
        var groups = [[BucketEntry]](
            repeating: [BucketEntry](repeating: BucketEntry(band: 0, id: 0, doc: 0), count: n), count: perScan)
        for first in stride(from: 0, to: bands, by: perScan) {
            let count = min(perScan, bands - first)
            try files.forEachRecord { doc, record in
                for g in 0..<count {
                    let key = ArticleSignature.bandKey(band: first + g, rows: rows) {
                        record.loadUnaligned(fromByteOffset: ArticleSignature.minhashOffset + 4 * $0, as: UInt32.self)
                    }
                    groups[g][doc] = BucketEntry(band: key, id: idKeys[doc], doc: UInt32(doc))
                }
            }
            for g in 0..<count {
                groups[g].sort { ($0.band, $0.id, $0.doc) < ($1.band, $1.id, $1.doc) }
                joinCopies(in: groups[g], files: files, sets: &sets, failed: &failed)
            }
        }
        groups = []
        // Survivors: longest, most metadata, smallest id key (then first, for equal ids).
        var best = [Int32](repeating: -1, count: n)
        for doc in 0..<n {
            let root = sets.find(doc)
            let current = Int(best[root])
            if current < 0
                || (lengths[doc], metadata[doc], idKeys[current]) > (lengths[current], metadata[current], idKeys[doc])
            {
                best[root] = Int32(doc)
            }
        }
        var survivor = [UInt32](repeating: 0, count: n)
        var similarity = [Float](repeating: 1, count: n)
        var sizes = [UInt32](repeating: 0, count: n)
        for doc in 0..<n {
            let s = Int(best[sets.find(doc)])
            survivor[doc] = UInt32(s)
            sizes[s] += 1
            guard s != doc else {
                summary.kept += 1
                continue
            }
            similarity[doc] = Float(files.record(doc).similarity(to: files.record(s)))
            if exact[2 * doc] == exact[2 * s] && exact[2 * doc + 1] == exact[2 * s + 1] {
                summary.exactDuplicates += 1
            } else {
                summary.nearDuplicates += 1
            }
        }
        summary.clusters = sizes.filter { $0 > 1 }.count
        summary.largestCluster = Int(sizes.max() ?? 0)
        // length 4, metadata 1, exact 16, id key 8, sort order 4 (then freed), bucket entries
        // 24 per band of a scan (then freed), union-find 8, best 4, survivor 4, similarity 4,
        // sizes 4; plus the fixed 8 MB table of failed pairs.
        summary.bytesPerArticle =
            4 + 1 + 16 + 8 + 4 + MemoryLayout<BucketEntry>.stride * perScan + 8 + 4 + 4 + 4 + 4
        return (survivor, similarity)
    }

    /// Memory for one scan's bucket entries: bands per scan = this / (24 bytes × articles).
    static let bucketMemory = 512 << 20

    /// Joins each member of each bucket of one band (entries sorted by band key, then id
    /// key) to the bucket's centre, its first entry, when the two are copies.
    ///
    /// `failed` remembers pairs found not to be copies (a direct-mapped table of pair
    /// keys): two articles that share several bands would be compared again in each. A
    /// remembered failure gives the same answer as comparing again, so the clusters do not
    /// depend on the table.
    func joinCopies(
        in entries: [BucketEntry], files: SignatureFiles, sets: inout UnionFind, failed: inout [UInt64]
    ) {
        let size = ArticleSignature.size
        var centreRaw = [UInt8](repeating: 0, count: size)
        var memberRaw = [UInt8](repeating: 0, count: size)
        var centre = 0
        var centreLoaded = false
        var centreSignature: ArticleSignature?
        let mask = failed.count - 1
        for k in entries.indices {
            let doc = Int(entries[k].doc)
            if k == 0 || entries[k].band != entries[centre].band {
                centre = k
                centreLoaded = false
                centreSignature = nil
                continue
            }
            let c = Int(entries[centre].doc)
            if sets.find(c) == sets.find(doc) { continue }
            let pair = UInt64(c) << 32 | UInt64(doc)
            let slot = Int(truncatingIfNeeded: StableHash.mix(pair)) & mask
            if failed[slot] == pair { continue }
            if !centreLoaded {
                files.read(c, into: &centreRaw)
                centreLoaded = true
            }
            files.read(doc, into: &memberRaw)
            let similar = centreRaw.withUnsafeBytes { a in
                memberRaw.withUnsafeBytes { b in
                    ArticleSignature.recordsAreSimilar(
                        a, b, threshold: configuration.threshold, containment: configuration.containment)
                }
            }
            if similar {
                let centreRecord = centreSignature ?? centreRaw.withUnsafeBytes { ArticleSignature(decoding: $0) }
                centreSignature = centreRecord
                let member = memberRaw.withUnsafeBytes { ArticleSignature(decoding: $0) }
                if member.isCopy(
                    of: centreRecord, threshold: configuration.threshold, containment: configuration.containment)
                {
                    sets.union(c, doc)
                    continue
                }
            }
            failed[slot] = pair
        }
    }
}

/// One article in one band's buckets: its band key, then the id key that picks the bucket's
/// centre, then its index.
struct BucketEntry {
    var band: UInt64
    var id: UInt64
    var doc: UInt32
}
