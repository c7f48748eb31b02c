import Foundation

/// The desk's form as posted: the `ItemDraft` fields, plus what the form
/// carries between two posts in hidden fields — the item file it started from
/// (so that lines the form does not show stay as they were), the review entry
/// or the identity being corrected, and the name of a picture already stored.
/// The hidden values are only ever compared or checked, never used as paths.
public struct DeskForm: Sendable, Equatable {
    public var draft: ItemDraft
    public var original: String
    public var reviewID: String?
    public var identity: String?
    /// A picture stored by `DeskUpload` (its server-chosen name).
    public var picture: String?

    public init(draft: ItemDraft, original: String = "", reviewID: String? = nil, identity: String? = nil, picture: String? = nil) {
        self.draft = draft
        self.original = original
        self.reviewID = reviewID
        self.identity = identity
        self.picture = picture
    }

    /// The form fields' names.
    enum Field {
        static let title = "titre", channel = "canal", when = "quand", publication = "publication", expires = "fin"
        static let place = "lieu", link = "lien", alternativeText = "texte_alternatif", tags = "mots_cles"
        static let urgent = "urgent", body = "corps", original = "original", reviewID = "relecture"
        static let identity = "identite", storedPicture = "image_envoyee", picture = "image", button = "action"
    }

    /// The form from posted fields; `storedPicture` is the name `DeskUpload` just chose, if a file came with them.
    public static func read(_ fields: [(String, String)], storedPicture: String? = nil) -> DeskForm {
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1 ?? "" }
        func optional(_ name: String) -> String? {
            let value = field(name).trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        let original = field(Field.original).replacingOccurrences(of: "\r\n", with: "\n")
        var draft = ItemDraft(text: original)
        draft.title = oneLine(field(Field.title))
        let chosen = Set(fields.filter { $0.0 == Field.channel }.map(\.1))
        draft.channels = Channel.allCases.filter { chosen.contains($0.id) }
        draft.when = oneLine(field(Field.when))
        draft.publication = oneLine(field(Field.publication))
        draft.expires = oneLine(field(Field.expires))
        draft.place = oneLine(field(Field.place))
        draft.link = oneLine(field(Field.link))
        draft.alternativeText = oneLine(field(Field.alternativeText))
        draft.tags = oneLine(field(Field.tags))
        draft.urgent = field(Field.urgent) == "oui"
        draft.body = field(Field.body).replacingOccurrences(of: "\r\n", with: "\n")
        var picture = storedPicture
        if picture == nil, let kept = optional(Field.storedPicture), DeskUpload.isStoredName(kept) { picture = kept }
        if let picture { draft.image = picture }
        let reviewID = optional(Field.reviewID).flatMap { DeskForm.isPlainID($0) ? $0 : nil }
        return DeskForm(draft: draft, original: original, reviewID: reviewID, identity: optional(Field.identity).map(oneLine), picture: picture)
    }

    /// The item file to check, preview or send. A correction of a published
    /// item keeps its identity: an `Id:` line is added when the file had none
    /// (its identity was then its file's name).
    public func itemText() -> String {
        let text = draft.itemText()
        guard let identity, !identity.isEmpty, !Self.hasIDLine(text) else { return text }
        return "Id: \(identity)\n" + text
    }

    static func hasIDLine(_ text: String) -> Bool {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" { return false }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            if trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "id" { return true }
        }
        return false
    }

    /// A review entry's id or a queue file's name as the desk sends it back: letters, digits, `.`, `_`, `-`,
    /// not starting with a dot; only ever compared with the names the desk listed.
    public static func isPlainID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// A header value holds one line: a line break typed or pasted becomes a space.
    static func oneLine(_ text: String) -> String {
        text.components(separatedBy: .newlines).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
