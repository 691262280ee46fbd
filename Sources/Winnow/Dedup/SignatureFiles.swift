internal import Glibc

/// The signature files of pass 1, read without loading them: streamed for whole-corpus
/// scans, read record by record (`pread`) to verify a candidate pair.
///
/// Pass 2 thus keeps only
/// a few dozen bytes per article in memory, whatever the corpus size.
///
/// Record layout (little-endian, ``Deduplicator/recordSize`` bytes): match-view length
/// (UInt32), metadata count (UInt32), exact hash (2 × UInt64), number sketch (count UInt32 +
/// ``NumberSketch/capacity`` × UInt32), MinHash signature (``MinHasher/bins`` × UInt32).
final class SignatureFiles {
    private var descriptors: [Int32] = []
    /// Index of the first document of each file, and one past the last.
    private(set) var firstDoc: [Int] = [0]
    static let numbersOffset = 24
    static let signatureOffset = 28 + 4 * NumberSketch.capacity

    init(paths: [String], counts: [Int]) throws {
        for (path, count) in zip(paths, counts) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError("\(path): \(FileReason.describe(errno))") }
            descriptors.append(fd)
            firstDoc.append((firstDoc.last ?? 0) + count)
        }
    }

    deinit { for fd in descriptors { close(fd) } }

    var count: Int { firstDoc.last ?? 0 }

    /// Calls `body` with each record in document order, reading a megabyte at a time.
    func forEachRecord(_ body: (Int, UnsafeRawBufferPointer) -> Void) throws {
        let size = Deduplicator.recordSize
        var buffer = [UInt8](repeating: 0, count: size * 2048)
        var doc = 0
        for (k, fd) in descriptors.enumerated() {
            var offset = 0
            var remaining = firstDoc[k + 1] - firstDoc[k]
            while remaining > 0 {
                let records = min(remaining, 2048)
                let want = records * size
                let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(offset)) }
                guard got == want else {
                    throw InputError("signature file \(k) is shorter than its count; run dedup again")
                }
                buffer.withUnsafeBytes { raw in
                    for r in 0..<records {
                        body(doc + r, UnsafeRawBufferPointer(rebasing: raw[(r * size)..<((r + 1) * size)]))
                    }
                }
                doc += records
                offset += want
                remaining -= records
            }
        }
    }

    /// Reads `count` bytes at `offset` within document `doc`'s record into `out`.
    func read(doc: Int, offset: Int, into out: UnsafeMutableRawPointer, count: Int) {
        var k = 0
        while firstDoc[k + 1] <= doc { k += 1 }
        let position = (doc - firstDoc[k]) * Deduplicator.recordSize + offset
        _ = pread(descriptors[k], out, count, off_t(position))
    }

    /// The signature of `doc` into `out` (``MinHasher/bins`` values).
    func signature(_ doc: Int, into out: inout [UInt32]) {
        out.withUnsafeMutableBytes {
            read(doc: doc, offset: Self.signatureOffset, into: $0.baseAddress.unsafelyUnwrapped, count: $0.count)
        }
    }

    /// The number sketch of `doc`.
    func numbers(_ doc: Int) -> NumberSketch {
        var raw = [UInt32](repeating: 0, count: 1 + NumberSketch.capacity)
        raw.withUnsafeMutableBytes {
            read(doc: doc, offset: Self.numbersOffset, into: $0.baseAddress.unsafelyUnwrapped, count: $0.count)
        }
        let count = min(Int(UInt32(littleEndian: raw[0])), NumberSketch.capacity)
        return NumberSketch(hashes: raw[1..<(1 + count)].map { UInt32(littleEndian: $0) })
    }
}
