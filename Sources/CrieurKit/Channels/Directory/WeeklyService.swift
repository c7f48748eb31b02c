import Foundation

/// One directory entry as the « service de la semaine »: an ordinary item
/// file, as staff would write one, that the worker publishes through the
/// channels (Facebook, the screen, the newsletter if configured). It is shown
/// from the week's first moment to the week's last day, so it appears and
/// disappears like any item, is archived, listed in the feed and can be
/// withdrawn with `crieur withdraw service-de-la-semaine-AAAA-MM-JJ`. Pure.
public enum WeeklyService {
    /// The item's identity for the week beginning on `week`.
    public static func identity(week: CivilDate) -> String { "service-de-la-semaine-\(week)" }

    /// The item's file name in the queue.
    public static func fileName(week: CivilDate) -> String { identity(week: week) + ".txt" }

    /// The item file for `entry` in the week beginning on `week` at the
    /// configured time; it ends on the week's last day.
    public static func itemText(_ entry: DirectoryEntry, week: CivilDate, weekly: DirectorySettings.Weekly) -> String {
        var channels: [Channel] = [.facebook, .ecran]
        if weekly.inNewsletter { channels.append(.newsletter) }
        var header: [(String, String)] = [
            ("Titre", "Service de la semaine : \(oneLine(entry.name))"),
            ("Canaux", channels.map(\.id).joined(separator: ", ")),
            ("Id", identity(week: week)),
            ("Publication", ItemMoment(date: week, time: weekly.time).description),
            ("Fin", week.adding(days: 6).description),
        ]
        if let address = entry.address { header.append(("Lieu", oneLine(address))) }
        if let website = entry.website { header.append(("Lien", oneLine(website))) }
        header.append(("Mots-clés", (["ServiceDeLaSemaine"] + entry.themes).map { oneLine($0).replacingOccurrences(of: ",", with: " ") }
            .joined(separator: ", ")))
        // The screen is read from afar: the offer's first paragraph and how to call.
        let firstParagraph = entry.offer.blocks.first.map { Body(blocks: [$0]) }.map(BodyPlainText.render).map(oneLine) ?? ""
        let screenText = [firstParagraph, entry.phone.map { "Téléphone : \(oneLine($0))" } ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
        if !screenText.isEmpty { header.append(("Texte écran", screenText)) }
        // The entry's text already passed the directory's own readability profile; the
        // channels' stricter ones would refuse some entries on one channel and not the
        // other. Published as a recorded derogation (`data/derogations.jsonl`), never silently.
        header.append(("Dérogation", derogation))

        var practical: [String] = []
        if let audience = entry.audience { practical.append("Pour qui : \(audience)") }
        if let hours = entry.hours { practical.append("Horaires : \(hours)") }
        if let phone = entry.phone { practical.append("Téléphone : \(phone)") }
        if let email = entry.email { practical.append("E-mail : \(email)") }
        if !entry.languages.isEmpty { practical.append("Langues : \(entry.languages.joined(separator: ", "))") }
        var body = entry.offerText.trimmingCharacters(in: .whitespacesAndNewlines)
        if !practical.isEmpty { body += "\n\n" + practical.joined(separator: "\n") }
        return header.map { "\($0.0): \($0.1)\n" }.joined() + "---\n" + body + "\n"
    }

    /// The reason recorded for publishing a directory entry as it is written.
    public static let derogation = "Fiche du bottin social, déjà vérifiée avec le profil de lisibilité du bottin"

    /// A header value on one line (the entry's own values already are; this guards the format).
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
