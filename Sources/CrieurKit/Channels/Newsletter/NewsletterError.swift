/// Why a newsletter message could not be made, said in French.
public enum NewsletterError: Error, Sendable, CustomStringConvertible {
    /// A template does not parse or names something that does not exist.
    case template(TemplateError)
    /// A header value or address would break the message (see `MailMessageError`).
    case message(MailMessageError)
    /// Neither `smtp.fromAddress` nor `organisation.email` is a usable address.
    case missingSender
    /// A personal token is not made of letters, digits, `-` and `_` (16 to 128 of them).
    case invalidToken

    public var description: String {
        switch self {
        case .template(let error): return error.description
        case .message(let error): return error.description
        case .missingSender:
            return "Aucune adresse d'expéditeur : indiquez « smtp.fromAddress » ou « organisation.email » dans config/crieur.json5."
        case .invalidToken:
            return "Le jeton personnel de l'abonné n'est pas valable (16 à 128 lettres, chiffres, - ou _)."
        }
    }
}
