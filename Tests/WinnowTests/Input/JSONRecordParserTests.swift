import Foundation
import Testing
@testable import Winnow

/// The JSON field extractor reads what Foundation writes, and skips what it does not want.
@Suite struct JSONRecordParserTests {
    static func parse(_ json: String, fields: [String] = ["text", "id"]) throws -> [JSONRecordParser.Value?] {
        let parser = JSONRecordParser(fields: fields.map { Array($0.utf8) })
        return try Array(json.utf8).withUnsafeBufferPointer { try parser.parse($0) }
    }

    /// Random strings (quotes, backslashes, controls, CJK, emoji, surrogate pairs) written by
    /// JSONSerialization come back byte for byte, beside skipped fields holding the same.
    @Test func readsWhatFoundationWrites() throws {
        var rng = SplitMix64(seed: 3)
        let alphabet = ["a", "\"", "\\", "\n", "\t", "\u{01}", "/", "中", "😀", "\u{2028}", "é", " "]
        for _ in 0..<300 {
            let s = (0..<Int.random(in: 0..<50, using: &rng)).map { _ in rng.pick(alphabet) }.joined()
            let object: [String: Any] = ["skip": ["x": s, "y": [1, 2.5, true, NSNull()]], "text": s, "id": 7]
            let data = try JSONSerialization.data(withJSONObject: object)
            let values = try Self.parse(String(decoding: data, as: UTF8.self))
            #expect(values[0] == .string(Array(s.utf8)))
            #expect(values[1] == .scalar(Array("7".utf8)))
        }
    }

    @Test func escapesAndSurrogatePairs() throws {
        let values = try Self.parse(#"{"text":"a\nb\"c\\d\u4e2d\ud83d\ude00"}"#)
        #expect(values[0] == .string(Array("a\nb\"c\\d中😀".utf8)))
    }

    @Test(arguments: [
        (#"{"text":"a\ud800"}"#, JSONRecordParser.Failure.loneSurrogate),
        (#"{"other":"\udc00","text":"a"}"#, .loneSurrogate),  // in a skipped field too
        (#"{"text":"a"#, .invalid),
        (#"{"text":"a\q"}"#, .invalid),
        (#"{"text":"a","text":"b"}"#, .duplicateKey),
        (#"[1]"#, .notObject),
    ])
    func failures(json: String, failure: JSONRecordParser.Failure) {
        #expect(throws: failure) { try Self.parse(json) }
    }
}
