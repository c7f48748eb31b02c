import Foundation

/// Short ASCII names for files made from a title: "Atelier cuisine à petit prix"
/// becomes `atelier-cuisine-a-petit-prix`.
///
/// Accents are folded, letters lower-cased, every run of other characters becomes
/// one `-`, and the ends are trimmed. ASCII only, so the name survives any shared
/// folder, zip file or e-mail attachment. A title with nothing usable (empty,
/// only punctuation, another script) gives `annonce`: it never fails.
public enum Slug {
    public static let fallback = "annonce"

    public static func make(_ title: String, maxLength: Int = 60) -> String {
        precondition(maxLength > 0, "a slug needs room for at least one character")
        var slug = ""
        var pendingDash = false
        for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let ascii = foldedASCII(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug += ascii
            } else if scalar.properties.generalCategory != .nonspacingMark {
                // Combining accents vanish; anything else separates words.
                pendingDash = true
            }
        }
        slug = shortened(slug, to: maxLength)
        return slug.isEmpty ? fallback : slug
    }

    /// Lower-case ASCII letters and digits for one scalar, or nil for a separator.
    private static func foldedASCII(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "A"..."Z": return String(scalar).lowercased()
        // Ligatures and letters that canonical decomposition leaves whole.
        case "œ", "Œ": return "oe"
        case "æ", "Æ": return "ae"
        case "ß": return "ss"
        case "ø", "Ø": return "o"
        case "đ", "Đ": return "d"
        case "ł", "Ł": return "l"
        default: return nil
        }
    }

    /// Cuts at a word boundary when one exists, so a file name does not end in half a word.
    private static func shortened(_ slug: String, to maxLength: Int) -> String {
        guard slug.count > maxLength else { return slug }
        let cut = slug.prefix(maxLength)
        let nextIsWordGoingOn = slug.dropFirst(maxLength).first != "-"
        if nextIsWordGoingOn, let lastDash = cut.lastIndex(of: "-") {
            return String(cut[..<lastDash])
        }
        var hardCut = String(cut)
        while hardCut.hasSuffix("-") { hardCut.removeLast() }
        return hardCut
    }
}
