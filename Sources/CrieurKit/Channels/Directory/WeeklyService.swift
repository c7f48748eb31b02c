import Foundation

/// One directory entry as the « service de la semaine »: an ordinary item
/// (title, body, place, link, tags, shown for the week on Facebook and the
/// screen), so that the Facebook and screen renderers print it as they print
/// any announcement, and so that the worker can later publish it through the
/// channels like one. Pure.
public enum WeeklyService {
    /// The item for `entry` in the week beginning on `week` at `time`; it ends six days later.
    public static func item(_ entry: DirectoryEntry, week: CivilDate, time: CivilTime) -> Item {
        var practical: [String] = []
        if let audience = entry.audience { practical.append("Pour qui : \(audience)") }
        if let hours = entry.hours { practical.append("Horaires : \(hours)") }
        if let phone = entry.phone { practical.append("Téléphone : \(phone)") }
        if let email = entry.email { practical.append("E-mail : \(email)") }
        if !entry.languages.isEmpty { practical.append("Langues : \(entry.languages.joined(separator: ", "))") }
        var bodyText = entry.offerText.trimmingCharacters(in: .whitespacesAndNewlines)
        if !practical.isEmpty { bodyText += "\n\n" + practical.joined(separator: "\n") }
        // The screen is read from afar: the offer's first paragraph and how to call.
        let firstParagraph = entry.offer.blocks.first.map { Body(blocks: [$0]) }.map(BodyPlainText.render) ?? ""
        let screenText = [firstParagraph, entry.phone.map { "Téléphone : \($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: "\n\n")
        return Item(
            title: "Service de la semaine : \(entry.name)", channels: [.facebook, .ecran],
            publication: ItemMoment(date: week, time: time), expires: ItemMoment(date: week.adding(days: 6)),
            link: entry.website, place: entry.address, tags: ["ServiceDeLaSemaine"] + entry.themes,
            body: BodyParser.parse(bodyText), bodyText: bodyText, bodyFirstLine: 1,
            explicitID: "service-de-la-semaine-\(week)", screenText: screenText.isEmpty ? nil : screenText)
    }
}
