/// Why a change to the consent ledger was refused. Every case reads as a
/// French sentence for the administrator; the command line maps them all to
/// exit 65 (invalid input), since retrying the same thing cannot help.
public enum ConsentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address is not one Crieur accepts.
    case invalidAddress(InvalidEmailAddress)
    /// The list is not in the configuration.
    case unknownList(String, known: [String])
    /// The address was erased at the person's request; it stays blocked.
    case suppressed(String)
    /// No subscriber has this address (on this list, when one is given).
    case unknownAddress(String, list: String?)
    /// No pending subscriber has this confirmation token, or no subscriber this unsubscribe token.
    case unknownToken
    /// The proof of consent (`--source`) is missing.
    case missingSource
    /// A text field holds a line break or an invisible control character.
    case invalidText(field: String)
    /// No open hold has this id (`crieur consent repair --confirm|--withdraw ID`).
    case unknownHold(String)
    /// A hold that names nobody cannot be turned into a withdrawal.
    case holdNamesNobody(String)
    /// A text field is longer than it may be.
    case textTooLong(field: String, length: Int, maxLength: Int)

    public var description: String {
        switch self {
        case .invalidAddress(let problem):
            return problem.description
        case .unknownList(let name, let known):
            return "Liste inconnue : « \(name) ». Listes de la configuration : \(known.joined(separator: ", "))."
        case .suppressed(let address):
            return "L'adresse « \(address) » a été effacée à la demande de la personne (droit à l'effacement) : "
                + "elle ne peut pas être réinscrite par erreur. Si la personne demande elle-même à revenir, "
                + "notez sa demande et contactez le responsable du traitement des données."
        case .unknownAddress(let address, let list):
            return list.map { "Aucun abonné « \(address) » sur la liste « \($0) »." } ?? "Aucun abonné avec l'adresse « \(address) »."
        case .unknownToken:
            return "Ce code n'est pas (ou plus) valable : l'inscription est peut-être déjà confirmée ou retirée."
        case .missingSource:
            return "Indiquez la preuve du consentement avec --source, par exemple --source \"formulaire papier n°42\"."
        case .invalidText(let field):
            return "Le champ « \(field) » contient un saut de ligne ou un caractère invisible : retapez-le."
        case .unknownHold(let id):
            return "Aucune ligne mise de côté n'attend de décision sous le numéro « \(id) » : voyez « crieur consent repair --list »."
        case .holdNamesNobody(let id):
            return "La ligne « \(id) » ne nomme personne : il n'y a personne à désinscrire. Si c'était une désinscription, "
                + "refaites-la avec « crieur consent withdraw EMAIL », puis lancez « crieur consent repair --confirm \(id) »."
        case .textTooLong(let field, let length, let maxLength):
            return "Le champ « \(field) » compte \(length) caractères, plus que les \(maxLength) permis : raccourcissez-le."
        }
    }

    public static func == (lhs: ConsentError, rhs: ConsentError) -> Bool { lhs.description == rhs.description }
}
