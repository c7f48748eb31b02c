@testable import CrieurKit

/// Archive records for the bulletin's pure tests.
enum BulletinTestItems {
    static func day(_ text: String) -> CivilDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static func record(
        _ title: String, from start: String, to end: String? = nil, channels: [Channel] = [.bulletin, .facebook],
        body: String = "Venez au CPAS.", place: String? = nil, link: String? = nil, image: ItemImage? = nil,
        when: String? = nil
    ) -> PublishedItem {
        let parsed = BodyParser.parse(body)
        let item = Item(
            title: title, channels: channels, publication: ItemMoment(date: day(start)),
            expires: end.map { ItemMoment(date: day($0)) }, link: link, place: place, image: image,
            body: parsed, bodyText: body, bodyFirstLine: 4,
            when: when.map { try! EventWhen.read($0).get() })
        var record = PublishedItem(item, itemName: "\(Slug.make(title)).txt", publishedOn: day(start))
        record.id = record.preferredID
        return record
    }

    static func settings(perArticle: Int = 1_500, total: Int = 6_000) -> BulletinSettings {
        var settings = BulletinSettings()
        settings.maxCharactersPerArticle = perArticle
        settings.maxCharactersTotal = total
        settings.contact.name = "CPAS de Exemple"
        settings.contact.phone = "081 00 00 00"
        return settings
    }

    static func draft(_ quarter: String, _ records: [PublishedItem], settings: BulletinSettings = settings()) throws -> BulletinDraft {
        BulletinDraft(
            quarter: try Quarter.parse(quarter), published: records, settings: settings,
            organisationName: "CPAS de Exemple", preparedOn: day("2026-09-01"))
    }
}
