import Testing
import Winnow
import WinnowTesting

/// Same page, same output, byte for byte; ids are stable hashes, not `Hasher` values.
@Suite struct DeterminismTests {
    @Test func sameBytesSameJSON() throws {
        for page in FarmPageGenerator.samplePages(count: 20, seed: 17) {
            let a = try #require(Cleaning.record(page.text)).json()
            let b = try #require(Cleaning.record(page.text)).json()
            #expect(a == b)
        }
    }

    /// The page id is the stable hash of the page's bytes, as 16 hex digits.
    @Test func pageIdIsAStableHash() throws {
        let a = try #require(Cleaning.record("一段文字。"))
        let b = try #require(Cleaning.record("另一段文字。"))
        #expect(a.id != b.id)
        #expect(a.id.count == 16 && a.id.allSatisfy { $0.isHexDigit })
        #expect(StableHash.hex(StableHash.hash64(Array("一段文字。".utf8))) == a.id)
    }

    /// Frozen values, computed by an independent Python implementation of the documented
    /// algorithm (StableHash.swift).
    ///
    /// If these change, every persisted page id changes.
    @Test func hashIsFrozen() {
        #expect(StableHash.hex(StableHash.hash64(Array("winnow".utf8))) == "87aeeb6cf3649d39")
        #expect(StableHash.hex(StableHash.hash64(Array("城市图书馆夜间开放一周年".utf8))) == "11508ae9b275e095")
    }
}
