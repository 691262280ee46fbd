extension CleanOutcome {
    /// The page record, or `nil` when the page was rejected.
    public var record: PageRecord? {
        if case .page(let record) = self { return record }
        return nil
    }
}
