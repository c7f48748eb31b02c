/// Why a message cannot be built. Each case is a value the message would carry
/// that could break it or let text inject headers or recipients.
public enum MailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not an address Crieur can send to (or from).
    case invalidAddress(String)
    /// A header value holds a line break, NUL or another control character.
    case forbiddenCharacter(field: String)
    /// A header name is not printable ASCII, or is one Crieur sets itself.
    case invalidHeaderName(String)
    /// A link for `List-Unsubscribe` is not a plain `https:` or `mailto:` address.
    case invalidUnsubscribeLink(String)
    /// A header line would pass the hard limit of 998 characters (RFC 5322).
    case headerTooLong(field: String)

    public var description: String {
        switch self {
        case .invalidAddress(let address):
            return "« \(address) » n'est pas une adresse e-mail utilisable (exemple : prenom.nom@exemple.be)."
        case .forbiddenCharacter(let field):
            return "Le champ « \(field) » contient un retour à la ligne ou un caractère de contrôle : il ne peut pas aller dans un e-mail."
        case .invalidHeaderName(let name):
            return "« \(name) » n'est pas un nom d'en-tête que Crieur peut ajouter."
        case .invalidUnsubscribeLink(let link):
            return "Le lien de désinscription « \(link) » doit commencer par https:// ou mailto: et ne contenir ni espace ni chevron."
        case .headerTooLong(let field):
            return "Le champ « \(field) » est trop long pour un en-tête d'e-mail."
        }
    }
}
