import CCurl
import Foundation

/// What went wrong with the mail server, said in French for the person who
/// set it up, naming the setting to check: libcurl's error codes and the
/// relay's refusals (login, sender) become sentences instead of libcurl's
/// English. A mistake in the settings (unknown scheme, malformed address,
/// missing or refused password, sender refused) is marked as such: retrying
/// it changes nothing, so the command stops with exit 78 (EX_CONFIG).
enum SMTPDiagnosis {
    /// Where the relay's address is set.
    static let urlSetting = "CRIEUR_SMTP_URL (ou « smtp.url » dans config/crieur.json5)"
    static let loginSettings = "CRIEUR_SMTP_USER et CRIEUR_SMTP_PASSWORD"

    /// A mistake visible before connecting: the scheme, the address's form, a login without its password.
    static func settingsProblem(url: String, username: String?, password: String?) -> String? {
        let lower = url.lowercased()
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return "L'adresse du serveur d'envoi « \(url) » n'est pas une adresse valable : elle doit ressembler à "
                + "smtp://relais.exemple.be:587 ou smtps://relais.exemple.be:465. Corrigez \(urlSetting)."
        }
        guard scheme == "smtp" || scheme == "smtps", lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            return "L'adresse du serveur d'envoi « \(url) » commence par « \(scheme):// » : Crieur envoie par smtp:// "
                + "(STARTTLS, port 587 ou 25) ou smtps:// (TLS, port 465). Corrigez \(urlSetting)."
        }
        guard let host = components.host, !host.isEmpty else {
            return "L'adresse du serveur d'envoi « \(url) » ne donne pas de nom de serveur : elle doit ressembler à "
                + "smtp://relais.exemple.be:587. Corrigez \(urlSetting)."
        }
        let user = username.flatMap { $0.isEmpty ? nil : $0 }, secret = password.flatMap { $0.isEmpty ? nil : $0 }
        if user != nil, secret == nil {
            return "CRIEUR_SMTP_USER est donné sans CRIEUR_SMTP_PASSWORD : ajoutez le mot de passe du compte d'envoi "
                + "dans l'environnement du service (jamais dans le fichier de configuration)."
        }
        if user == nil, secret != nil {
            return "CRIEUR_SMTP_PASSWORD est donné sans CRIEUR_SMTP_USER : ajoutez l'identifiant du compte d'envoi "
                + "dans l'environnement du service."
        }
        return nil
    }

    /// The host and port of `url`, as said to people (the port smtp:// or smtps:// implies when none is written).
    static func place(_ url: String) -> (host: String, port: Int) {
        let components = URLComponents(string: url)
        let implied = url.lowercased().hasPrefix("smtps://") ? 465 : 25
        return (components?.host ?? url, components?.port ?? implied)
    }

    /// Connecting failed (`result`); `code` and `text`: the relay's last reply while connecting, if any.
    static func connectFailure(_ result: CURLcode, code: Int, text: String, url: String) -> DeliveryReply {
        let (host, port) = place(url)
        let said = text.isEmpty ? "" : " (« \(code) \(text) »)"
        func temporary(_ sentence: String) -> DeliveryReply {
            DeliveryReply(outcome: .temporaryFailure, code: code, text: sentence)
        }
        func settings(_ sentence: String) -> DeliveryReply {
            DeliveryReply(outcome: .temporaryFailure, code: code, text: sentence, settingsError: true)
        }
        switch result {
        case CURLE_LOGIN_DENIED where code / 100 != 4:
            return settings("le serveur d'envoi \(host) refuse l'identifiant ou le mot de passe\(said) : vérifiez \(loginSettings)")
        case CURLE_LOGIN_DENIED:
            return temporary("le serveur d'envoi \(host) refuse la connexion pour l'instant\(said) : il sera réessayé ; "
                + "si cela dure, vérifiez \(loginSettings)")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return settings(settingsProblem(url: url, username: nil, password: nil)
                ?? "l'adresse du serveur d'envoi « \(url) » n'est pas utilisable : corrigez \(urlSetting)")
        case CURLE_COULDNT_RESOLVE_HOST:
            return temporary("le nom du serveur d'envoi « \(host) » est introuvable : vérifiez ce nom dans \(urlSetting), "
                + "et que cette machine a accès au DNS")
        case CURLE_COULDNT_CONNECT:
            return temporary("le serveur d'envoi \(host) ne répond pas sur le port \(port) : vérifiez le port dans \(urlSetting) "
                + "(587 pour smtp:// avec STARTTLS, 465 pour smtps://, 25 pour un relais interne), que le serveur est en marche "
                + "et qu'aucun pare-feu ne bloque ce port")
        case CURLE_OPERATION_TIMEDOUT:
            return temporary("le serveur d'envoi \(host) n'a pas répondu à temps sur le port \(port) : vérifiez le port dans "
                + "\(urlSetting), et qu'aucun pare-feu ne bloque ce port (délai : « smtp.connectTimeout »)")
        case CURLE_PEER_FAILED_VERIFICATION:
            // Never sent to a relay that cannot prove its name: the login and the messages would go to whoever answered.
            return temporary("certificat du serveur refusé : il ne prouve pas que le serveur est bien \(host). "
                + "Vérifiez que le nom dans \(urlSetting) est celui du certificat du relais (rien n'est envoyé sans cela)")
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER:
            return temporary("la connexion chiffrée (TLS) avec \(host) a échoué sur le port \(port) : vérifiez le début de "
                + "\(urlSetting) (smtps:// pour le port 465, smtp:// pour 587 ou 25)")
        case CURLE_USE_SSL_FAILED:
            return temporary("le serveur \(host) ne propose pas STARTTLS : rien n'est envoyé en clair. Vérifiez le port dans "
                + "\(urlSetting) (587 avec STARTTLS, ou smtps:// sur le port 465)")
        case CURLE_ABORTED_BY_CALLBACK:
            return temporary("envoi interrompu par l'arrêt du service")
        case CURLE_WEIRD_SERVER_REPLY, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            return temporary("le serveur \(host) sur le port \(port) ne parle pas comme un serveur d'envoi (SMTP)\(said) : "
                + "vérifiez le port et le début de \(urlSetting) (smtps:// pour le port 465)")
        default:
            if code / 100 == 4 || code / 100 == 5 {
                return temporary("le serveur d'envoi \(host) a refusé la connexion\(said) : il sera réessayé ; "
                    + "si cela dure, vérifiez \(urlSetting) et \(loginSettings)")
            }
            return temporary("la connexion au serveur d'envoi \(host) (port \(port)) a échoué (erreur libcurl \(result.rawValue)) : "
                + "vérifiez \(urlSetting)")
        }
    }

    /// The connection failed while carrying a transaction.
    static func transferFailure(_ result: CURLcode) -> String {
        switch result {
        case CURLE_SEND_ERROR: return "l'envoi vers le serveur a échoué"
        case CURLE_RECV_ERROR: return "la réception depuis le serveur a échoué"
        case CURLE_SSL_CONNECT_ERROR: return "la connexion chiffrée (TLS) a été rompue"
        default: return "erreur libcurl \(result.rawValue)"
        }
    }

    /// The relay refused `MAIL FROM`, or asks for a login first: no recipient is at fault, the settings are.
    static func senderRefused(code: Int, text: String, sender: String) -> DeliveryReply? {
        guard code / 100 == 5 else { return nil }
        let said = "« \(code) \(text) »"
        if code == 530 || text.lowercased().contains("auth") {
            return DeliveryReply(outcome: .temporaryFailure, code: code, text: "le relais demande une identification (\(said)) : "
                + "donnez \(loginSettings) dans l'environnement du service", settingsError: true)
        }
        return DeliveryReply(outcome: .temporaryFailure, code: code, text: "le relais refuse l'expéditeur \(sender) (\(said)) : "
            + "vérifiez « smtp.fromAddress » (ou « organisation.email ») dans config/crieur.json5, et que ce relais autorise "
            + "cette adresse pour le compte \(loginSettings)", settingsError: true)
    }
}
