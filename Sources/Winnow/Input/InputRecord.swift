/// One page read from an input file, with where it came from.
public struct InputRecord: Sendable {
    /// The record's own id (JSONL id field, WARC-Record-ID), if it has one.
    public var id: String?
    public var text: [UInt8]
    public var url: String?
    public var date: String?
    /// The line (JSONL, text) or record number (WET) in its file, from 1.
    public var line: Int
    /// Byte offset of the record in the uncompressed file.
    public var offset: Int
}

/// A record that could not be read as a page, with a reason a person can read.
public struct InputReject: Sendable {
    /// A stable snake_case reason (`json_invalid`, `too_long`, `missing_text_field`, …).
    public var reason: String
    public var line: Int
    public var offset: Int
    /// The first bytes of the record (at most 256), as read.
    public var sample: [UInt8]
}

/// What a reader yields.
public enum InputItem: Sendable {
    case record(InputRecord)
    case reject(InputReject)
    /// A JSON Lines record not parsed yet: parsing is left to the worker that cleans it, so
    /// the reading thread only splits lines.
    case jsonLine(bytes: [UInt8], line: Int, offset: Int)
}

/// The formats Winnow reads, detected from content (magic bytes), not only the name.
public enum InputFormat: String, Sendable {
    /// JSON Lines, one object per line, page text in a field (`--text-field`).
    case jsonl
    /// Common Crawl WET: WARC records, one gzip member each; `conversion` records are pages.
    case wet
    /// A plain text file holding one page.
    case text
}

extension String {
    /// The string without spaces and tabs at either end (no Foundation).
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
