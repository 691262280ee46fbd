import Foundation
import Testing

@testable import Winnow

/// Reliability row U5: how a file's bytes arrive never changes what is read from it.
///
/// One byte per read, a few, a buffer's worth, as pipes and network file systems deliver
/// them: characters, lines, WARC records and gzip members split across reads come back whole,
/// and every record the generator wrote is read, at the line and offset it was written.
struct ChunkSplitTests {
    static let readLimits = [1, 2, 3, 7, 64, 4093]
    /// Small, so some generated records are over it and take the streamed-past path.
    static let maxRecordBytes = 600

    @Test(arguments: GeneratedFile.Kind.allCases)
    func readSizesDoNotChangeTheRecords(kind: GeneratedFile.Kind) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for seed in UInt64(1)...6 {
            let file = GeneratedFile(kind: kind, seed: seed, maxRecordBytes: Self.maxRecordBytes)
            let path = dir.appendingPathComponent("\(kind)-\(seed)").path
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            let whole = try Self.items(path, readLimit: ByteStream.rawCapacity)
            #expect(whole == file.expected, "\(kind) seed \(seed): read in whole buffers")
            for limit in Self.readLimits {
                let split = try Self.items(path, readLimit: limit)
                #expect(split == whole, "\(kind) seed \(seed): \(limit) bytes per read")
            }
        }
    }

    /// A gzip member whose first byte is the last byte of the read buffer is read.
    ///
    /// Its magic is split between two buffer fills (at a 256 KiB boundary of the file; members of a few KB put
    /// one there in about one WET file in ten).
    @Test func aMemberStartingAtTheBufferEndIsRead() throws {
        let target = ByteStream.rawCapacity - 1
        // Stored (level 0) blocks: the member's size follows the line's length byte for byte.
        let first = try #require(
            (target - 200..<target).lazy.map { length in
                GzipEncoder.zlibMember(Self.line(id: "a", length: length), level: 0)
            }.first { $0.count == target })
        let second = GzipEncoder.member(Self.line(id: "b", length: 40))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-edge-\(UUID().uuidString)")
            .path
        try Data(first + second).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try RecordReader(path: path, options: .init())
        var lines: [Int] = []
        while let item = try reader.next() {
            if case .jsonLine(_, let line, _) = item { lines.append(line) }
        }
        #expect(lines == [1, 2])
        #expect(reader.stream.warning == nil)
    }

    /// One JSON Lines record of exactly `length` bytes with its newline.
    static func line(id: String, length: Int) -> [UInt8] {
        let head = Array("{\"id\":\"\(id)\",\"text\":\"".utf8)
        let tail = Array("\"}\n".utf8)
        return head + [UInt8](repeating: 0x78, count: length - head.count - tail.count) + tail
    }

    /// Every item of the file, described so that two reads compare exactly.
    static func items(_ path: String, readLimit: Int) throws -> [String] {
        var reader = try RecordReader(
            path: path, options: .init(maxRecordBytes: maxRecordBytes), readLimit: readLimit)
        var items: [String] = []
        while let item = try reader.next() {
            switch item {
            case .record(let r):
                items.append(
                    GeneratedFile.describeRecord(
                        id: r.id, url: r.url, text: r.text, line: r.line, offset: r.offset))
            case .reject(let r):
                items.append("reject \(r.reason) line \(r.line) offset \(r.offset)")
            case .jsonLine(let bytes, let line, let offset):
                items.append(GeneratedFile.describeLine(bytes, line: line, offset: offset))
            }
        }
        return items
    }
}

/// A file of random records in one format, and the items a reader must yield for it.
struct GeneratedFile {
    enum Kind: String, CaseIterable, CustomStringConvertible {
        case jsonl, jsonlInGzipMembers, wet, text
        var description: String { rawValue }
    }

    private(set) var bytes: [UInt8] = []
    private(set) var expected: [String] = []
    private var random: SplitMix64

    init(kind: Kind, seed: UInt64, maxRecordBytes: Int) {
        random = SplitMix64(seed: seed)
        switch kind {
        case .jsonl: writeJSONLines(maxRecordBytes: maxRecordBytes)
        case .jsonlInGzipMembers:
            writeJSONLines(maxRecordBytes: maxRecordBytes)
            bytes = splitIntoMembers(bytes)
        case .wet: writeWET(maxRecordBytes: maxRecordBytes)
        case .text:
            let text = randomText(maxScalars: 300)
            bytes = text
            if text.count > maxRecordBytes {
                expected = ["reject too_long line 1 offset 0"]
            } else if !text.isEmpty {
                expected = [Self.describeRecord(id: nil, url: nil, text: text, line: 1, offset: 0)]
            }
        }
    }

    static func describeRecord(id: String?, url: String?, text: [UInt8], line: Int, offset: Int) -> String {
        "record id \(id ?? "-") url \(url ?? "-") line \(line) offset \(offset) text \(String(decoding: text, as: UTF8.self).debugDescription)"
    }

    static func describeLine(_ bytes: some Collection<UInt8>, line: Int, offset: Int) -> String {
        "line \(line) offset \(offset) \(String(decoding: Array(bytes), as: UTF8.self).debugDescription)"
    }

    /// Multibyte characters of every length, invisible ones, and bytes JSON escapes.
    private static let pieces = ["新闻", "é", "😀", "👩‍💻", "\u{200B}", "，", "。", "a", "1", " ", "\\\"", "\\n"]

    private mutating func randomText(maxScalars: Int) -> [UInt8] {
        var text: [UInt8] = []
        for _ in 0..<Int(random.next() % UInt64(maxScalars)) { text += Array(random.pick(Self.pieces).utf8) }
        return text
    }

    /// Records, blank lines, CRLF endings, and lines over the record limit.
    private mutating func writeJSONLines(maxRecordBytes: Int) {
        var line = 0
        for k in 0..<Int(8 + random.next() % 12) {
            line += 1
            let offset = bytes.count
            if random.chance(0.15) {
                bytes += Array(" \t\n".utf8)  // blank: not a record
                continue
            }
            let long = random.chance(0.15)
            let body =
                Array("{\"id\":\"r\(k)\",\"text\":\"".utf8) + randomText(maxScalars: long ? 400 : 60)
                + (long ? [UInt8](repeating: 0x61, count: maxRecordBytes) : []) + Array("\"}".utf8)
            bytes += body
            bytes += random.chance(0.3) ? [0x0D, 0x0A] : [0x0A]
            expected.append(
                body.count > maxRecordBytes
                    ? "reject too_long line \(line) offset \(offset)"
                    : Self.describeLine(body, line: line, offset: offset))
        }
    }

    /// The bytes cut at random places (inside characters too), each piece its own gzip member.
    private mutating func splitIntoMembers(_ plain: [UInt8]) -> [UInt8] {
        var cuts = (0..<Int(random.next() % 6)).map { _ in Int(random.next() % UInt64(plain.count + 1)) }
        cuts = ([0] + cuts.sorted() + [plain.count])
        var out: [UInt8] = []
        for (a, b) in zip(cuts, cuts.dropFirst()) where b > a { out += GzipEncoder.member(Array(plain[a..<b])) }
        return out
    }

    /// WET: a warcinfo record, then conversion pages (some over the limit), one gzip member
    /// per record as Common Crawl writes them.
    private mutating func writeWET(maxRecordBytes: Int) {
        var plain: [[UInt8]] = []
        var offset = 0
        for k in 0..<Int(4 + random.next() % 8) {
            let isInfo = k == 0
            var body = isInfo ? Array("software: generator\r\n".utf8) : randomText(maxScalars: 200)
            if !isInfo, random.chance(0.2) { body += [UInt8](repeating: 0x62, count: maxRecordBytes) }
            let id = "<urn:uuid:\(k)>"
            let url = "http://example.test/\(k)"
            let head =
                "WARC/1.0\r\nWARC-Type: \(isInfo ? "warcinfo" : "conversion")\r\nWARC-Target-URI: \(url)\r\n"
                + "WARC-Record-ID: \(id)\r\nContent-Length: \(body.count)\r\n\r\n"
            let record = Array(head.utf8) + body + Array("\r\n\r\n".utf8)
            if !isInfo {
                expected.append(
                    body.count > maxRecordBytes
                        ? "reject too_long line \(k + 1) offset \(offset)"
                        : Self.describeRecord(id: id, url: url, text: body, line: k + 1, offset: offset))
            }
            offset += record.count
            plain.append(record)
        }
        bytes = plain.flatMap { GzipEncoder.member($0) }
    }
}
