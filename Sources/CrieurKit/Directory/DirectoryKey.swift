/// The keys of a directory entry's header (`directory/*.txt`). Staff write them
/// in French, with or without capitals and accents; English aliases are
/// accepted too. The body, under `---`, is what the service offers.
enum DirectoryKey: String, CaseIterable, Sendable {
    case name, organisation, audience, address, hours, phone, email, website, languages, accessibility, themes, checked

    /// The spelling shown to staff in messages.
    var frenchName: String {
        switch self {
        case .name: return "Nom"
        case .organisation: return "Organisme"
        case .audience: return "Pour qui"
        case .address: return "Adresse"
        case .hours: return "Horaires"
        case .phone: return "Téléphone"
        case .email: return "E-mail"
        case .website: return "Site"
        case .languages: return "Langues"
        case .accessibility: return "Accessibilité"
        case .themes: return "Thèmes"
        case .checked: return "Vérifié le"
        }
    }

    /// Accepted spellings after `NameFolding.foldKey`, French first, English last.
    var spellings: [String] {
        switch self {
        case .name: return ["nom", "service", "name"]
        case .organisation: return ["organisme", "organisation", "structure", "organization"]
        case .audience: return ["pourqui", "public", "audience"]
        case .address: return ["adresse", "lieu", "address"]
        case .hours: return ["horaires", "horaire", "heures", "hours"]
        case .phone: return ["telephone", "tel", "phone"]
        case .email: return ["email", "courriel", "mail"]
        case .website: return ["site", "siteweb", "siteinternet", "lien", "website"]
        case .languages: return ["langues", "langue", "languages"]
        case .accessibility: return ["accessibilite", "acces", "accessibility"]
        case .themes: return ["themes", "theme", "categories", "rubriques"]
        case .checked: return ["verifiele", "verifie", "miseajour", "checked"]
        }
    }

    /// The key staff meant by `written`, whatever its case, accents, spaces or hyphens.
    init?(written: String) {
        let folded = NameFolding.foldKey(written)
        guard let key = DirectoryKey.allCases.first(where: { $0.spellings.contains(folded) }) else { return nil }
        self = key
    }

    /// The known key `written` is probably a typo of, if any.
    static func suggestion(for written: String) -> DirectoryKey? {
        let folded = NameFolding.foldKey(written)
        let all = allCases.flatMap { key in key.spellings.map { (spelling: $0, key: key) } }
        guard let spelling = EditDistance.closest(to: folded, among: all.map(\.spelling)) else { return nil }
        return all.first { $0.spelling == spelling }?.key
    }

    /// « Nom », « Organisme », … for the "accepted keys" hint.
    static var frenchList: String {
        allCases.map { "« \($0.frenchName) »" }.joined(separator: ", ")
    }
}
