import Testing
import Winnow

@testable import WinnowServer

/// The batch endpoint's line splitter gives the same lines however the body is chunked.
struct LineSplitterStreamTests {
    private func lines(_ bytes: [UInt8], chunks: [Int], limit: Int) -> [LineSplitterStream.Line] {
        var splitter = LineSplitterStream(maxLineBytes: limit)
        var out: [LineSplitterStream.Line] = []
        var start = 0
        for size in chunks where start < bytes.count {
            let end = min(bytes.count, start + size)
            out += splitter.feed(Array(bytes[start..<end]))
            start = end
        }
        if start < bytes.count { out += splitter.feed(Array(bytes[start...])) }
        if let last = splitter.finish() { out.append(last) }
        return out
    }

    @Test func chunkingDoesNotChangeTheLines() {
        var random = SplitMix64(seed: 5)
        for k in 0..<300 {
            let bytes = (0..<Int(random.next() % 400)).map { _ in
                random.chance(0.08) ? 0x0A : UInt8(0x61 + random.next() % 3)
            }
            let limit = 5 + Int(random.next() % 60)
            let whole = lines(bytes, chunks: [bytes.count + 1], limit: limit)
            let chunks = (0..<50).map { _ in 1 + Int(random.next() % 17) }
            #expect(lines(bytes, chunks: chunks, limit: limit) == whole, "case \(k)")
        }
    }

    @Test func longLinesAreCountedNotKept() {
        let input = Array("ab\n".utf8) + [UInt8](repeating: 0x78, count: 100) + Array("\ncd".utf8)
        #expect(
            lines(input, chunks: [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7], limit: 10)
                == [.bytes(Array("ab".utf8)), .tooLong(100), .bytes(Array("cd".utf8))])
    }
}
