/// The keys of a directory entry's header (`directory/*.txt`). Staff write them
/// in French, with or without capitals and accents; English aliases are
/// accepted too. The body, under `---`, is what the service offers.
enum DirectoryKey: String, SpelledKey, Sendable {
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

}
