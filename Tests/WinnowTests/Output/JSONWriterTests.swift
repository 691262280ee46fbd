import Foundation
import Testing
@testable import Winnow
import WinnowTesting

/// The JSON writer's output parses back to the same values, whatever the strings hold.
@Suite struct JSONWriterTests {
    /// Strings with every kind of byte that needs care: quotes, backslashes, control
    /// characters at word boundaries and inside runs, CJK, emoji, U+2028.
    @Test func stringsRoundTrip() throws {
        var rng = SplitMix64(seed: 42)
        let alphabet: [String] = [
            "a", "\"", "\\", "\n", "\t", "\r", "\u{01}", "\u{1F}", "中", "文", "😀", "\u{2028}", " ", "/", "é",
        ]
        for _ in 0..<500 {
            let length = Int.random(in: 0..<40, using: &rng)
            let s = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }.joined()
            var w = JSONWriter()
            w.beginArray()
            w.value(s)
            w.value(joining: [s, s], separator: 0x0A)
            w.endArray()
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String])
            #expect(parsed == [s, s + "\n" + s])
        }
    }

    @Test func numbersAndNull() throws {
        var w = JSONWriter()
        w.beginObject()
        w.key("a"); w.value(Int?.none)
        w.key("b"); w.value(-1234567890123)
        w.key("c"); w.value(29.5)
        w.key("d"); w.value(0.999)
        w.key("e"); w.value(1.0)
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":null,"b":-1234567890123,"c":29.5,"d":0.999,"e":1}"#)
    }

    @Test func prettyOutputParses() throws {
        let record = try #require(Cleaning.record("标题\n第一段。 第二段。\n推荐阅读\n旧书市集回来了\n12\n"))
        let pretty = Data(record.json(pretty: true).utf8)
        let compact = Data(record.json().utf8)
        let a = try JSONSerialization.jsonObject(with: pretty) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: compact) as? NSDictionary
        #expect(a != nil && a == b)
        #expect(record.json().contains("\n") == false)
    }
}
