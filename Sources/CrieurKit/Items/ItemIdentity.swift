import Foundation

/// Who an item is over time, and what it says.
///
/// The identity is `Id:` when staff wrote one, else the file's name without its
/// extension, both folded like a slug (`Colis de Noël.txt` and `Id: colis de noel`
/// are the same item). A new file with the identity of a current item is a new
/// version of it, not a second item.
///
/// The fingerprint is a hash of the title and body after the differences that
/// copies of one text pick up on the way (encoding, line ends, runs of spaces,
/// typographic quotes and apostrophes), so that the same notice saved twice is
/// seen as one. Pure.
public enum ItemIdentity {
    public static func of(_ item: Item, fileName: String) -> String {
        item.explicitID.map { Slug.make($0, maxLength: ItemParser.maxIDLength) } ?? of(fileName: fileName)
    }

    /// The identity an item without `Id:` gets from its file name.
    public static func of(fileName: String) -> String {
        let stem = (fileName as NSString).deletingPathExtension
        return Slug.make(stem.isEmpty ? fileName : stem, maxLength: ItemParser.maxIDLength)
    }

    public static func fingerprint(_ item: Item) -> String {
        ContentHash.hex(normalised(item.title) + "\n---\n" + normalised(item.bodyText))
    }

    /// Canonical composition, straight quotes, one space between words, no blank-line differences.
    static func normalised(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let folded: Unicode.Scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}", "`", "\u{00B4}": folded = "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2033}": folded = "\""
            case "\u{00A0}", "\u{202F}", "\u{2007}": folded = " "
            default: folded = scalar
            }
            if folded.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(folded)
        }
        // « Texte » and "Texte" differ by the spaces inside French quotes too.
        return result.replacingOccurrences(of: "\" ", with: "\"").replacingOccurrences(of: " \"", with: "\"")
    }
}
