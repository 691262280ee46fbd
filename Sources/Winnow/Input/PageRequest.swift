/// One page as an API client sends it: `{"id", "text", "url"}` in JSON, parsed by the same
/// strict parser as JSON Lines input (`winnow serve`).
package struct PageRequest: Sendable, Equatable {
    package var id: String?
    package var text: [UInt8]
    package var url: String?

    /// Why a JSON body is not a page request, worded for the client.
    package struct Problem: Error, Sendable, Equatable {
        /// A stable code (`json_invalid`, `missing_text_field`, `text_not_string`, …).
        package var code: String
        package var message: String
    }

    /// The fields in the order ``RecordReader/jsonItem(_:parser:line:offset:)`` reads them.
    private static let parser = JSONRecordParser(fields: ["text", "id", "url", "date"].map { Array($0.utf8) })

    /// Parses one JSON object.
    ///
    /// `text` must be a string; `id` may be a string or a number.
    package init(json bytes: [UInt8]) throws(Problem) {
        let item = bytes.withUnsafeBufferPointer { RecordReader.jsonItem($0, parser: Self.parser, line: 1, offset: 0) }
        switch item {
        case .record(let record):
            id = record.id
            text = record.text
            url = record.url
        case .reject(let reject):
            throw Problem(code: reject.reason, message: Self.explain(reject.reason))
        case .jsonLine:
            throw Problem(code: "json_invalid", message: Self.explain("json_invalid"))
        }
    }

    private static func explain(_ code: String) -> String {
        switch code {
        case "json_not_object": "the body must be one JSON object: {\"id\", \"text\", \"url\"}"
        case "json_invalid": "the body is not valid JSON"
        case "json_duplicate_key": "a field appears twice"
        case "json_lone_surrogate": "a string holds a lone surrogate escape"
        case "json_too_deep": "the JSON nests deeper than 128 levels"
        case "missing_text_field": "the object has no \"text\" field"
        case "text_not_string": "\"text\" must be a string"
        default: code
        }
    }
}

extension PageRequest {
    package init(id: String?, text: [UInt8], url: String?) {
        self.id = id
        self.text = text
        self.url = url
    }
}
