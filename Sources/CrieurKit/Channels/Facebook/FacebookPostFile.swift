import Foundation

/// The format of `out/facebook/AAAA-MM-JJ-slug.txt`: the post text, a separator
/// line, then the notes for the person who publishes.
///
/// Staff open the file in any text editor and copy what is above the line.
/// `decode` reads a file back (to rebuild the index page from the folder); it
/// never fails: a file without the separator is all post text, with no notes.
public enum FacebookPostFile {
    public static let separator = "----- Note pour la personne qui publie (à ne pas copier) -----"

    /// First note of a post that replaces one already published: staff must edit it on Facebook.
    public static let correctedMark = "MODIFIÉ — à corriger sur Facebook"
    /// First note of a post whose item was withdrawn: staff must take it down.
    public static let withdrawnMark = "À RETIRER DE FACEBOOK"

    /// The note of an urgent post, and the start of the notes naming its picture and that picture's description.
    public static let urgentNote = "Message urgent : publiez-le dès que possible."
    public static let pictureNote = "Image à joindre au message : "
    public static let pictureNoteEnd = " (dans ce dossier ; fichier d'origine : "
    public static let descriptionNote = "Texte alternatif de l'image, à coller dans le champ « Texte alternatif » de Facebook : "

    /// True when the notes say the post is urgent.
    public static func isUrgent(notes: String) -> Bool {
        notes.split(separator: "\n").contains { $0 == urgentNote }
    }

    /// The picture the notes ask to attach (its file name beside the post) and its description.
    public static func picture(inNotes notes: String) -> (fileName: String, alternativeText: String)? {
        let lines = notes.split(separator: "\n").map(String.init)
        guard let line = lines.first(where: { $0.hasPrefix(pictureNote) }),
              let end = line.range(of: pictureNoteEnd, options: .backwards) else { return nil }
        let name = String(line[line.index(line.startIndex, offsetBy: pictureNote.count)..<end.lowerBound])
        let description = lines.first(where: { $0.hasPrefix(descriptionNote) }).map { String($0.dropFirst(descriptionNote.count)) }
        return name.isEmpty ? nil : (name, description ?? "")
    }

    /// The alert a post's notes open with (`correctedMark` or `withdrawnMark` and what follows), if any.
    public static func alert(inNotes notes: String) -> String? {
        guard let first = notes.split(separator: "\n", maxSplits: 1).first.map(String.init),
              first.hasPrefix(correctedMark) || first.hasPrefix(withdrawnMark) else { return nil }
        return first
    }

    public static func encode(_ post: FacebookPost) -> String {
        encode(text: post.text, notes: post.staffNotes)
    }

    public static func encode(text: String, notes: [String]) -> String {
        text + "\n\n" + separator + "\n" + notes.map { $0 + "\n" }.joined()
    }

    public static func decode(_ contents: String) -> (text: String, notes: String) {
        // Files may come back through a Windows editor.
        let normalised = contents.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalised.components(separatedBy: "\n")
        // The last separator line, since staff text could contain one but notes never do.
        guard let separatorIndex = lines.lastIndex(of: separator) else {
            return (trimmingTrailingNewlines(normalised), "")
        }
        let notes = lines[(separatorIndex + 1)...].joined(separator: "\n")
        lines.removeSubrange(separatorIndex...)
        return (trimmingTrailingNewlines(lines.joined(separator: "\n")), trimmingTrailingNewlines(notes))
    }

    private static func trimmingTrailingNewlines(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.last == "\n" { trimmed.removeLast() }
        return String(trimmed)
    }
}
