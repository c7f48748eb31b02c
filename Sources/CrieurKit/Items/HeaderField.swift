/// One field of an item as staff wrote it, before its value is checked:
/// a header line `Key: value` or a member of a `.json` item.
struct HeaderField: Sendable {
    var key: HeaderKey
    /// The value on one line for header lines; JSON values are already flattened
    /// to text (lists joined with commas, booleans as « oui » / « non »).
    var value: String
    /// 1-based line in the file; nil for JSON.
    var line: Int?
}
