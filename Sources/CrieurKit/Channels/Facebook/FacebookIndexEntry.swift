import Foundation

/// One post as the staff index page lists it; built from a fresh `FacebookPost`
/// or read back from its file in `out/facebook/`.
public struct FacebookIndexEntry: Hashable, Sendable {
    public var fileName: String
    /// The text to paste, exactly.
    public var text: String
    /// The staff notes, one per line.
    public var notes: String
    public var suggestedDate: CivilDate

    public init(fileName: String, text: String, notes: String, suggestedDate: CivilDate) {
        self.fileName = fileName
        self.text = text
        self.notes = notes
        self.suggestedDate = suggestedDate
    }

    /// The notes say the post is urgent: it comes first on the page.
    public var isUrgent: Bool { FacebookPostFile.isUrgent(notes: notes) }

    /// The picture to attach, named in the notes, and its description.
    public var picture: (fileName: String, alternativeText: String)? { FacebookPostFile.picture(inNotes: notes) }

    /// What the « publié sur Facebook » tick is remembered under in the browser:
    /// the file and a hash of its text and alert, so a corrected or withdrawn
    /// post asks again.
    public var publicationKey: String {
        fileName + ":" + String(ContentHash.hex(text + "\u{0}" + (FacebookPostFile.alert(inNotes: notes) ?? "")).prefix(16))
    }

    public init(post: FacebookPost) {
        self.init(
            fileName: post.fileName, text: post.text,
            notes: post.staffNotes.joined(separator: "\n"), suggestedDate: post.suggestedDate
        )
    }

    /// Reads a post file back; the suggested date comes from the `AAAA-MM-JJ-`
    /// start of its name. `nil` when the name does not start with a valid date
    /// (a file someone else put in the folder).
    public init?(fileName: String, contents: String) {
        let parts = fileName.prefix(11).split(separator: "-", omittingEmptySubsequences: false)
        guard fileName.count > 11, fileName.dropFirst(10).first == "-", parts.count == 4,
              parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts[0...2].allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        let decoded = FacebookPostFile.decode(contents)
        self.init(fileName: fileName, text: decoded.text, notes: decoded.notes, suggestedDate: date)
    }
}
