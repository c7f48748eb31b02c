import Foundation

/// How staff-written names (header keys, channel names, yes/no answers) are
/// compared: case and accents do not matter, so « Écran », « ecran » and
/// « ECRAN » are the same word. Pure; never fails.
enum NameFolding {
    /// Lower-cased, without accents, trimmed.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
            .trimmingCharacters(in: .whitespaces)
    }

    /// A header key reduced to its letters: `Mots-clés`, `mots cles` and
    /// `MOTS_CLÉS` all become `motscles`; `Jusqu'au` becomes `jusquau`.
    static func foldKey(_ key: String) -> String {
        String(fold(key).unicodeScalars.filter { scalar in
            !(scalar == "-" || scalar == "_" || scalar == "'" || scalar == "’" || CharacterSet.whitespaces.contains(scalar))
        }.map(Character.init))
    }
}
