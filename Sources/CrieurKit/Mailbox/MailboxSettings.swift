import Foundation

/// The `mailbox` group of the configuration: where the bounces and replies
/// arrive. The login is never in the file: `CRIEUR_IMAP_USER` and
/// `CRIEUR_IMAP_PASSWORD` come from the service's environment.
///
/// ```
/// mailbox: {
///   url: "imaps://imap.commune.be",   // empty: no mailbox is read
///   folder: "INBOX",
///   handledFolder: "Traités par Crieur",
///   pollMinutes: 5,
/// }
/// ```
public struct MailboxSettings: Sendable, Equatable {
    /// `imaps://imap.commune.be[:port]`. An older form with the folder in the
    /// path (`imaps://host/INBOX`) is still understood by `folderURL`.
    public var url: String
    /// The folder read (`INBOX`).
    public var folder: String
    /// Where handled messages go (created when missing).
    public var handledFolder: String
    /// Minutes between two readings.
    public var pollMinutes: Int
    /// Seconds allowed to connect, start TLS and log in.
    public var connectTimeout: Int

    public static let defaultFolder = "INBOX"
    public static let defaultHandledFolder = "Traités par Crieur"
    public static let defaultPollMinutes = 5

    public init(url: String, folder: String = MailboxSettings.defaultFolder, handledFolder: String = MailboxSettings.defaultHandledFolder,
                pollMinutes: Int = MailboxSettings.defaultPollMinutes, connectTimeout: Int = 30) {
        self.url = url
        self.folder = folder
        self.handledFolder = handledFolder
        self.pollMinutes = pollMinutes
        self.connectTimeout = connectTimeout
    }

    /// The URL of the folder read, as libcurl takes it: the server, then the
    /// folder's IMAP name (modified UTF-7) percent-encoded.
    public var folderURL: String {
        if let path = URLComponents(string: url)?.percentEncodedPath, !path.isEmpty, path != "/" { return url }
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let name = IMAPMailbox.encodedFolderName(folder)
        return base + "/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#%")))
            ?? name)
    }

    /// Reads the group; nil when there is no `url` (then no mailbox is read).
    static func read(_ section: ConfigSection) -> MailboxSettings? {
        let url = section.optionalString("url")
        var settings = MailboxSettings(url: url ?? "")
        settings.folder = folderName(section, "folder", default: defaultFolder)
        settings.handledFolder = folderName(section, "handledFolder", default: defaultHandledFolder)
        settings.pollMinutes = section.int("pollMinutes", default: defaultPollMinutes, range: 1...1_440)
        settings.connectTimeout = section.int("connectTimeout", default: 30, range: 1...600)
        guard let url else { return nil }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "imap" || scheme == "imaps", let host = components.host, !host.isEmpty,
              !url.contains(where: \.isWhitespace) else {
            section.report("« \(section.path).url » doit être l'adresse du serveur IMAP, par exemple \"imaps://imap.commune.be\" "
                + "(imaps:// ou imap://), pas « \(url) ».", about: "url")
            return nil
        }
        if components.user != nil || components.password != nil {
            section.report("« \(section.path).url » ne doit contenir ni identifiant ni mot de passe : donnez-les au service par "
                + "CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD.", about: "url")
            return nil
        }
        if !components.percentEncodedPath.isEmpty && components.percentEncodedPath != "/" || components.query != nil {
            section.report("« \(section.path).url » ne contient que le serveur (\"\(scheme)://\(host)\") : le dossier lu se règle "
                + "dans « \(section.path).folder ».", about: "url")
            return nil
        }
        if NameFolding.fold(settings.folder) == NameFolding.fold(settings.handledFolder) {
            section.report("« \(section.path).handledFolder » doit être un autre dossier que « \(section.path).folder ».", about: "handledFolder")
            return nil
        }
        return settings
    }

    private static func folderName(_ section: ConfigSection, _ key: String, default fallback: String) -> String {
        let name = section.string(key, default: fallback).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200,
              !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\"" || $0 == "\\" || $0 == "*" || $0 == "%" })
        else {
            section.report("« \(section.path).\(key) » doit être un nom de dossier de la boîte aux lettres (sans guillemet, "
                + "barre oblique inverse, * ni %), par exemple \"\(fallback)\".", about: key)
            return fallback
        }
        return name
    }
}
