import Foundation

/// The question `crieur newsletter --send` asks on a terminal before sending:
/// what the special issue carries and how many people it goes to. Only an
/// explicit yes sends; anything else (an empty line, the end of input) cancels.
public enum NewsletterSendQuestion {
    public static func text(preview: NewsletterPreview, previewPath: String) -> String {
        let count = preview.items.count, people = preview.recipients
        let titles = preview.items.prefix(5).map { "« \($0.title) »" }.joined(separator: ", ") + (count > 5 ? "…" : "")
        let what = count == 0
            ? "Aucune nouvelle annonce : seuls les messages en attente d'un nouvel essai partiraient."
            : "Numéro spécial de \(count) annonce\(count > 1 ? "s" : "") : \(titles).\nObjet du message : « \(preview.subject) »."
        return """
        \(what)
        Destinataires : \(people) abonné\(people > 1 ? "s" : "") avec un consentement actif (aperçu : \(previewPath)).
        Envoyer maintenant ? Tapez « oui » pour confirmer (pour un script : crieur newsletter --send --yes) :
        """
    }

    public static func isYes(_ answer: String?) -> Bool {
        guard let answer else { return false }
        return ["oui", "o", "yes", "y"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
