/// One announcement made ready for the centre's Facebook page: the text to
/// paste, and notes for the staff member who publishes it.
///
/// A plain value produced by `FacebookPostRenderer`; writing it to
/// `out/facebook/` is `FacebookPostFile`'s format and the caller's I/O.
public struct FacebookPost: Hashable, Sendable {
    /// Exactly what is pasted into Facebook: plain text, no markup.
    public var text: String
    /// Lines in French for whoever publishes: when, which image and its
    /// alternative text, warnings. Never pasted.
    public var staffNotes: [String]
    /// The day the post should go out: the item's publication day, or the day
    /// of rendering when it has none or it is already past.
    public var suggestedDate: CivilDate
    /// The file-name part made from the title (`Slug.make`).
    public var slug: String
    /// French sentences about things to check before publishing (length, end date passed).
    public var warnings: [String]

    /// Name of the copy of the item's picture written beside the post, if any.
    public var imageFileName: String?

    public init(text: String, staffNotes: [String], suggestedDate: CivilDate, slug: String, warnings: [String],
                imageFileName: String? = nil) {
        self.imageFileName = imageFileName
        self.text = text
        self.staffNotes = staffNotes
        self.suggestedDate = suggestedDate
        self.slug = slug
        self.warnings = warnings
    }

    /// The picture's copy sits beside the post and sorts with it.
    public static func imageFileName(suggestedDate: CivilDate, slug: String, original: String) -> String {
        "\(suggestedDate)-\(slug)-\(original)"
    }

    /// `AAAA-MM-JJ-slug.txt`: files sort by suggested date in any file browser.
    public var fileName: String { "\(suggestedDate)-\(slug).txt" }

    /// Length as a reader perceives it (one emoji or accented letter is one character).
    public var characterCount: Int { text.count }
}
