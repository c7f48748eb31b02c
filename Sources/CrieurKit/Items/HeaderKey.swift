/// The keys an announcement's header may use. Staff write them in French,
/// with or without capitals and accents, or with their English alias; a
/// `.json` item uses the same names. Unknown keys are refused with the closest
/// known key as a suggestion.
enum HeaderKey: String, SpelledKey, Sendable {
    case title, channels, publication, expires, urgent, link, place, image, alternativeText, tags, override
    case id, status, reason, repetition, repeatUntil, screenText
    /// `Quand:`, the event itself (`EventWhen`).
    case when

    /// The spelling shown to staff in messages.
    var frenchName: String {
        switch self {
        case .title: return "Titre"
        case .channels: return "Canaux"
        case .publication: return "Publication"
        case .expires: return "Fin"
        case .urgent: return "Urgent"
        case .link: return "Lien"
        case .place: return "Lieu"
        case .image: return "Image"
        case .alternativeText: return "Texte alternatif"
        case .tags: return "Mots-clés"
        case .override: return "Dérogation"
        case .id: return "Id"
        case .status: return "Statut"
        case .reason: return "Raison"
        case .repetition: return "Répéter"
        case .repeatUntil: return "Jusqu'au"
        case .screenText: return "Texte écran"
        case .when: return "Quand"
        }
    }

    /// The name `.json` items use, and their messages show.
    var englishName: String {
        switch self {
        case .publication: return "publish"
        case .alternativeText: return "alt"
        case .repetition: return "repeat"
        case .repeatUntil: return "until"
        case .screenText: return "screenText"
        default: return spellings[spellings.count - 1]
        }
    }

    /// Accepted spellings after `NameFolding.foldKey`, French first.
    var spellings: [String] {
        switch self {
        case .title: return ["titre", "title"]
        case .channels: return ["canaux", "channels"]
        case .publication: return ["publication", "publish"]
        case .expires: return ["fin", "expires"]
        case .urgent: return ["urgent"]
        case .link: return ["lien", "link"]
        case .place: return ["lieu", "place"]
        case .image: return ["image"]
        case .alternativeText: return ["textealternatif", "alt"]
        case .tags: return ["motscles", "tags"]
        case .override: return ["derogation", "override"]
        case .id: return ["id", "identifiant"]
        case .status: return ["statut", "etat", "status"]
        case .reason: return ["raison", "motif", "reason"]
        case .repetition: return ["repeter", "repetition", "recurrence", "repeat"]
        case .repeatUntil: return ["jusquau", "jusqua", "repeterjusquau", "until"]
        case .screenText: return ["texteecran", "textepourlecran", "screentext"]
        case .when: return ["quand", "when"]
        }
    }

}
