import ArgumentParser
import Winnow

/// The options that decide how records are read and cleaned, shared by `winnow run` and
/// `winnow worker clean` so that both clean the same records the same way.
struct RecordOptions: ParsableArguments {
    @Option(help: "Configuration file (see 'winnow config --default'); flags override it.")
    var config: String?

    @Option(help: "JSON field holding the page text (default: text).")
    var textField: String?

    @Option(help: "JSON field holding the record id (default: id).")
    var idField: String?

    @Option(help: "Reject records longer than this many bytes, streamed past, never loaded (default: 67108864).")
    var maxRecordBytes: Int?

    @Option(
        name: .customLong("max-bad-utf8"),
        help: "Reject pages with a larger share of bytes in ill-formed UTF-8, as binary (default: 0.1).")
    var maxBadUTF8: Double?

    @Flag(help: "Compute no quality signals or language, and filter nothing ([signals] enabled = false).")
    var noSignals = false

    func validate() throws {
        if let maxRecordBytes, maxRecordBytes < 1024 {
            throw ValidationError("--max-record-bytes must be at least 1024")
        }
        if let maxBadUTF8, !(0...1).contains(maxBadUTF8) {
            throw ValidationError("--max-bad-utf8 is a fraction from 0 to 1")
        }
    }

    /// Applies the configuration file, then the flags; a bad file exits with status 64.
    func apply(to configuration: inout RunConfiguration) throws {
        if let path = config {
            do {
                let text = String(decoding: try FileIO.readAll(path), as: UTF8.self)
                try ConfigFile(parsing: text, path: path).apply(to: &configuration)
            } catch let error as FileIO.ReadError {
                FileIO.printError(error.description)
                throw ExitCode(64)
            } catch {
                FileIO.printError("\(error)")
                throw ExitCode(64)
            }
        }
        if let textField { configuration.textField = textField }
        if let idField { configuration.idField = idField }
        if let maxRecordBytes { configuration.maxRecordBytes = maxRecordBytes }
        if let maxBadUTF8 { configuration.maxBadUTF8 = maxBadUTF8 }
        if noSignals { configuration.signals = false }
    }
}
