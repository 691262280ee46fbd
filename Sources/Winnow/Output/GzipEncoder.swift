internal import CIsal
internal import CZlib

/// Compresses a buffer into one complete gzip member.
///
/// Shards are written as a series of members, one per batch of records: valid gzip that any
/// tool reads as one stream, and each batch compresses on the worker that cleaned it
/// (research/perf.md: output compression dominates a single core otherwise).
enum GzipEncoder {
    /// Level 1: 3× faster than zlib's default 6 here at a few percent of size (perf.md).
    static let defaultLevel: Int32 = 1

    /// One gzip member of `input` at level 1, by ISA-L (about 400 MB/s here against zlib's
    /// 100, research/perf.md); zlib if ISA-L fails.
    ///
    /// The bytes differ between the two
    /// encoders, so a run records which one it used in its configuration hash.
    static func member(_ input: [UInt8]) -> [UInt8] {
        // Room for incompressible input, left uninitialized: zero-filling it cost a memset
        // and a page fault per page of a buffer ten times the size of what gets written,
        // and returning it trimmed kept all of it allocated until the shard was written.
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: input.count + input.count / 8 + 1024)
        defer { scratch.deallocate() }
        let written = input.withUnsafeBufferPointer { src in
            cisal_gzip_member(src.baseAddress, src.count, scratch.baseAddress, scratch.count)
        }
        if written > 0 { return Array(UnsafeBufferPointer(rebasing: scratch[0..<written])) }
        return zlibMember(input)
    }

    /// One gzip member by zlib (the fallback, and the reference in tests).
    static func zlibMember(_ input: [UInt8], level: Int32 = defaultLevel) -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init(&stream, level) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        let written = input.withUnsafeBufferPointer { src -> Int in
            output.withUnsafeMutableBufferPointer { dst -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                let status = deflate(&stream, Z_FINISH)
                return status == Z_STREAM_END ? dst.count - Int(stream.avail_out) : -1
            }
        }
        guard written >= 0 else { return [] }
        output.removeLast(output.count - written)
        return output
    }
}
