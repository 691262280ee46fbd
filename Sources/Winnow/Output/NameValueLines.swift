/// The small internal state files of runs (completion markers, cluster counts): one
/// `name value` pair per line, integer values.
enum NameValueLines {
    /// The pairs of `text`, or `nil` if a line is not `name integer`.
    static func parse(_ text: String) -> [(name: Substring, value: Int)]? {
        var pairs: [(name: Substring, value: Int)] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Int(parts[1]) else { return nil }
            pairs.append((parts[0], value))
        }
        return pairs
    }
}
