import Testing
@testable import Winnow

/// Invalid UTF-8 is replaced the way the standard library (and CPython) replace it.
@Suite struct UTF8RepairTests {
    @Test(arguments: [
        ([0x80] as [UInt8], 1), ([0xFF], 1), ([0xC0, 0x80], 2), ([0xE0, 0x80, 0xAF], 3), ([0xED, 0xA0, 0x80], 3),
        ([0xF4, 0x90, 0x80, 0x80], 4), ([0xE4, 0xB8], 1), ([0x61, 0xE4, 0xB8, 0x62], 1),
    ])
    func replacementsMatchTheStandardLibrary(bytes: [UInt8], expected: Int) {
        let (repaired, count) = UTF8Repair.repairing(bytes)
        #expect(count == expected)
        #expect(repaired == Array(String(decoding: bytes, as: UTF8.self).utf8))
    }

    /// Random bytes: the repaired output equals the standard library's decoding.
    @Test func randomBytesAgreeWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [
            [0x61], [0xE4, 0xB8, 0xAD], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC3], [0xE4, 0xB8], [0xF8],
            [0xED, 0xA0, 0x80],
        ]
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0..<20, using: &rng)).flatMap { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
            #expect(UTF8Repair.repairing(bytes).bytes == Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    @Test func validInputIsReturnedUnchanged() {
        let bytes = Array("城市图书馆😀 OpenAI".utf8)
        let (repaired, count) = UTF8Repair.repairing(bytes)
        #expect(count == 0)
        #expect(repaired == bytes)
    }
}
