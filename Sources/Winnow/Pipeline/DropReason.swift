/// Why a page produced no page record.
///
/// A bad page is data, not an error: callers count the
/// reason and go on (`winnow clean` reports it and exits 1).
///
/// The raw values are stable snake_case stat keys (`dropped_<reason>`).
public enum DropReason: String, Sendable, CaseIterable {
    /// Nothing but whitespace.
    case empty
    /// NUL bytes, or more than 10% of the bytes were not UTF-8: not a text page.
    case binary
    /// Larger than ``PageCleaner/Options/maxPageBytes``.
    case tooLarge = "too_large"
}

/// The result of cleaning one page.
public enum CleanOutcome: Sendable {
    case page(PageRecord)
    case rejected(DropReason, detail: String)
}
