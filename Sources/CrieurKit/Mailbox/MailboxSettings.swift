/// The `mailbox` group of the configuration: where the bounces and replies
/// arrive. The login is never in the file: `CRIEUR_IMAP_USER` and
/// `CRIEUR_IMAP_PASSWORD` come from the service's environment.
public struct MailboxSettings: Sendable, Equatable {
    /// `imaps://imap.commune.be/INBOX`: the folder read (`INBOX` when absent).
    public var url: String
    /// Where handled messages go (created when missing); printable ASCII.
    public var handledFolder: String
    /// Minutes between two readings.
    public var everyMinutes: Int
    /// Seconds allowed to connect, start TLS and log in.
    public var connectTimeout: Int

    public static let defaultHandledFolder = "Crieur-traites"
    public static let defaultEveryMinutes = 5

    public init(url: String, handledFolder: String = MailboxSettings.defaultHandledFolder,
                everyMinutes: Int = MailboxSettings.defaultEveryMinutes, connectTimeout: Int = 30) {
        self.url = url
        self.handledFolder = handledFolder
        self.everyMinutes = everyMinutes
        self.connectTimeout = connectTimeout
    }
}
