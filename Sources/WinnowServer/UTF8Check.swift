import Winnow

/// Whether bytes are well-formed UTF-8 (JSON bodies must be; a `text/plain` page may not be,
/// and the cleaner replaces and counts its bad bytes).
enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool { UTF8Repair.repairing(bytes).replaced == 0 }
}
