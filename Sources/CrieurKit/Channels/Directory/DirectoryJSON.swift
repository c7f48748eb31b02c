import Foundation

/// The directory as JSON (`out/directory/annuaire.json`), for the commune's
/// website or another tool: one object per service, sorted by name, with
/// English keys as `.json` items have, the offer as plain text, and whether
/// the entry is « à vérifier ». Pure.
public enum DirectoryJSON {
    struct Export: Encodable {
        var organisation: String
        var prepared: String
        var services: [Service]
    }

    struct Service: Encodable {
        var id: String
        var name: String
        var organisation: String?
        var offer: String
        var audience: String?
        var address: String?
        var hours: String?
        var phone: String?
        var email: String?
        var website: String?
        var languages: [String]
        var accessibility: String?
        var themes: [String]
        var checked: String?
        var toCheck: Bool
    }

    public static func render(_ entries: [DirectoryEntry], organisationName: String, preparedOn: CivilDate,
                              freshness: DirectoryFreshness) -> Data {
        let export = Export(
            organisation: organisationName, prepared: preparedOn.description,
            services: DirectoryThemes.sortedByName(entries).map { entry in
                Service(
                    id: entry.id, name: entry.name, organisation: entry.organisation, offer: BodyPlainText.render(entry.offer),
                    audience: entry.audience, address: entry.address, hours: entry.hours, phone: entry.phone, email: entry.email,
                    website: entry.website, languages: entry.languages, accessibility: entry.accessibility, themes: entry.themes,
                    checked: entry.checked?.description, toCheck: freshness.isStale(entry))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, arrays and booleans cannot fail.
        return (try? encoder.encode(export)).map { $0 + Data("\n".utf8) } ?? Data()
    }
}
