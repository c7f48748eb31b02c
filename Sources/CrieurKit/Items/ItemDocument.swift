/// A file as `crieur check` sees it. With a header it is a fully validated
/// `Item`; without one (plain text someone wants checked for readability) only
/// the decoding rules apply and `item` is nil.
public struct ItemDocument: Hashable, Sendable {
    /// The validated announcement, or nil for a file that is only body text.
    public var item: Item?
    /// The text to check, as written, with LF line ends.
    public var bodyText: String
    /// 1-based line of `bodyText`'s first line in the file (1 for JSON items).
    public var bodyFirstLine: Int
    public var title: String?

    public init(item: Item?, bodyText: String, bodyFirstLine: Int, title: String?) {
        self.item = item
        self.bodyText = bodyText
        self.bodyFirstLine = bodyFirstLine
        self.title = title
    }
}
