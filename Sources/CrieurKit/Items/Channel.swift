/// A place where Crieur publishes an item. The raw value is the name staff
/// write in `Canaux:` and the name of the channel's folder in `templates/`.
public enum Channel: String, CaseIterable, Sendable, Codable, Hashable {
    case newsletter
    case bulletin
    case facebook
    case ecran

    /// Accepted spellings in `Canaux:`, already lower-cased and without accents.
    public static let aliases: [String: Channel] = [
        "newsletter": .newsletter, "email": .newsletter, "e-mail": .newsletter, "courriel": .newsletter,
        "mail": .newsletter, "lettre": .newsletter,
        "bulletin": .bulletin,
        "facebook": .facebook,
        "ecran": .ecran, "screen": .ecran, "slides": .ecran, "tv": .ecran, "tele": .ecran, "television": .ecran,
    ]

    /// Names staff use for channels Crieur does not have yet, with the channel
    /// to choose meanwhile: refused with that suggestion, never guessed.
    public static let notYet: [String: (frenchName: String, instead: Channel)] = [
        "affiche": ("affiche à imprimer", .bulletin), "affiches": ("affiche à imprimer", .bulletin),
        "flyer": ("affiche à imprimer", .bulletin), "poster": ("affiche à imprimer", .bulletin),
    ]

    /// The channel staff mean by `name`, whatever its case and accents
    /// (« Écran », « email »); nil when it names none.
    public init?(named name: String) {
        guard let channel = Channel.aliases[NameFolding.fold(name)] else { return nil }
        self = channel
    }

    /// The channel's folder in `out/` (PRODUCT.md: the screen's is `out/slides/`).
    public var outputFolderName: String {
        self == .ecran ? "slides" : rawValue
    }

    /// How the channel is named for staff, in French.
    public var frenchName: String {
        switch self {
        case .newsletter: return "lettre d'information"
        case .bulletin: return "bulletin communal"
        case .facebook: return "Facebook"
        case .ecran: return "écran de la salle d'attente"
        }
    }
}
