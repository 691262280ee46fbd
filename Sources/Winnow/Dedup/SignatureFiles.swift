internal import Glibc

/// The signature files of pass 1, read without loading them: streamed for whole-corpus
/// scans, read record by record (`pread`) to verify a candidate pair.
///
/// Pass 2 thus keeps only
/// a few dozen bytes per article in memory, whatever the corpus size.
///
/// Records are ``ArticleSignature/size`` bytes, laid out as ``ArticleSignature`` says.
final class SignatureFiles {
    private var descriptors: [Int32] = []
    /// Index of the first document of each file, and one past the last.
    private(set) var firstDoc: [Int] = [0]

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
        let size = ArticleSignature.size
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

    /// The record of `doc`.
    func record(_ doc: Int) -> ArticleSignature {
        var raw = [UInt8](repeating: 0, count: ArticleSignature.size)
        read(doc, into: &raw)
        return raw.withUnsafeBytes { ArticleSignature(decoding: $0) }
    }

    /// The encoded record of `doc` into `raw` (``ArticleSignature/size`` bytes).
    func read(_ doc: Int, into raw: inout [UInt8]) {
        var k = 0
        while firstDoc[k + 1] <= doc { k += 1 }
        let size = ArticleSignature.size
        _ = raw.withUnsafeMutableBytes {
            pread(descriptors[k], $0.baseAddress, size, off_t((doc - firstDoc[k]) * size))
        }
    }
}
