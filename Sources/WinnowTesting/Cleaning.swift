public import Winnow

/// Shorthands for tests that clean inline text.
public enum Cleaning {
    /// The page record of `text`; fails the caller's expectation through `nil` when rejected.
    public static func record(_ text: String) -> PageRecord? {
        PageCleaner().clean(Array(text.utf8)).record
    }

    /// Inserts `units` (cycled) into `text` every `period` scalars, starting after `offset`
    /// scalars — the simplest injector, for tests that need an exact period.
    public static func inject(_ text: String, units: [String], every period: Int, offset: Int? = nil) -> String {
        var out = ""
        var k = 0
        var unitIndex = 0
        let start = offset ?? period
        for scalar in text.unicodeScalars {
            if k >= start, (k - start) % period == 0 {
                out += units[unitIndex % units.count]
                unitIndex += 1
            }
            out.unicodeScalars.append(scalar)
            k += 1
        }
        return out
    }
}
