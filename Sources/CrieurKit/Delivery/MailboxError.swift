import CCurl

/// Why the mailbox could not be read. A settings error (`work --once` exits
/// 78) needs a person to fix `mailbox.url` or the IMAP login (the service
/// still reads again at each pass, so the fix takes effect without a restart);
/// an unavailable server (exit 75) is tried again at the next pass. Every message names what to check, in French.
public enum MailboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting is wrong: the URL, the login, the certificate.
    case settings(String)
    /// The server is away or failed; the next pass tries again.
    case unavailable(String)

    public var description: String {
        switch self {
        case .settings(let text), .unavailable(let text): return text
        }
    }

    public var isSettingsError: Bool {
        if case .settings = self { return true }
        return false
    }

    static func from(_ code: CURLcode, url: String) -> MailboxError {
        switch code {
        case CURLE_LOGIN_DENIED:
            return .settings("Le serveur IMAP refuse l’identifiant ou le mot de passe : vérifiez CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD.")
        case CURLE_COULDNT_RESOLVE_HOST:
            return .settings("Le nom du serveur de la boîte aux lettres est inconnu : vérifiez l’hôte dans mailbox.url (« \(url) »).")
        case CURLE_COULDNT_CONNECT:
            return .unavailable("Le serveur de la boîte aux lettres ne répond pas à cette adresse : vérifiez l’hôte et le port dans mailbox.url (« \(url) ») ; imaps:// utilise le port 993.")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .settings("L’adresse de la boîte aux lettres (mailbox.url) « \(url) » n’est pas une adresse IMAP valable : imaps://serveur/INBOX.")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return .settings("Le certificat du serveur de la boîte aux lettres n’est pas valable pour ce nom : vérifiez l’hôte dans mailbox.url (« \(url) »).")
        case CURLE_USE_SSL_FAILED:
            return .settings("Le serveur de la boîte aux lettres ne propose pas de chiffrement : utilisez imaps:// dans mailbox.url.")
        case CURLE_SSL_CONNECT_ERROR, CURLE_RECV_ERROR, CURLE_WEIRD_SERVER_REPLY:
            return .unavailable("La connexion au serveur de la boîte aux lettres a échoué : vérifiez le port de mailbox.url (« \(url) ») et que le serveur parle IMAP.")
        case CURLE_ABORTED_BY_CALLBACK:
            return .unavailable("Lecture de la boîte aux lettres interrompue par l’arrêt du service ; elle reprendra à la prochaine lecture.")
        case CURLE_OPERATION_TIMEDOUT:
            return .unavailable("Le serveur de la boîte aux lettres n’a pas répondu à temps ; Crieur réessaiera.")
        case CURLE_QUOTE_ERROR:
            return .unavailable("Le serveur de la boîte aux lettres a refusé une commande (dossier ou message) ; Crieur réessaiera.")
        default:
            return .unavailable("La boîte aux lettres n’a pas pu être lue (erreur libcurl \(code.rawValue)) ; Crieur réessaiera.")
        }
    }
}
