/// The body of an announcement, in the small markup PRODUCT.md allows:
/// paragraphs, `- ` lists, `**bold**`, `[text](url)` links and bare URLs.
/// Anything else is kept as text; channels decide how to show each part.
public struct Body: Hashable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    public enum Block: Hashable, Sendable {
        /// Consecutive lines of one paragraph; each line keeps its own break.
        case paragraph([Line])
        /// A `- ` list, one entry per item.
        case list([Line])
    }

    /// One line of text made of inline runs.
    public typealias Line = [Inline]

    public enum Inline: Hashable, Sendable {
        case text(String)
        case strong(String)
        /// A link whose URL uses an allowed scheme (http, https, mailto, tel).
        case link(text: String, url: String)
    }
}
