/// The draft as plain text (`AAAA-Tn.txt`): what the commune's editor pastes
/// into their layout software. The summary comes first, then each article with
/// its length, practical details, contact block and picture note.
/// Pure; text is copied as written.
public enum BulletinPlainText {
    public static func render(_ draft: BulletinDraft) -> String {
        var out: [String] = [
            draft.title,
            "Brouillon préparé par \(draft.organisationName) \(FrenchDates.date(draft.preparedOn, referenceYear: nil)).",
            "",
            "À VÉRIFIER AVANT L'ENVOI",
        ]
        out += draft.summary.map { "- " + $0 }
        let rule = String(repeating: "=", count: 60)
        for (index, article) in draft.articles.enumerated() {
            out += ["", rule, "Article \(index + 1) — \(BulletinDraft.number(article.characterCount)) caractères", rule, ""]
            out.append(article.title)
            out.append("")
            out.append(BodyPlainText.render(article.body))
            if !article.details.isEmpty {
                out.append("")
                out += article.details.map { "\($0.label) : \($0.value)" }
            }
            out.append("")
            out += article.contact
            if let picture = article.picture {
                out += ["", "[Pour la mise en page, non imprimé] Image : \(picture.fileName)",
                        "Texte alternatif : \(picture.alternativeText)"]
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
