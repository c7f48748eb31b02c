import Foundation

/// The `smtp` group of `config/crieur.json5`: how newsletter e-mails leave.
/// Without `url` the messages are written to `out/newsletter/outbox/` instead.
/// The login and password never sit in the file: they come from the environment
/// (`CRIEUR_SMTP_USER`, `CRIEUR_SMTP_PASSWORD`; `CRIEUR_SMTP_URL` overrides `url`).
/// The centre's postal address, required in every newsletter, is `organisation.address`.
public struct SMTPSettings: Sendable, Equatable {
    /// `smtp://relais.commune.be:587/cpas.commune.be` (STARTTLS) or `smtps://…:465`.
    public var url: String?
    /// Sender address; `organisation.email` when absent.
    public var fromAddress: String?
    /// Sender name; `organisation.name` when absent.
    public var fromName: String?
    public var replyTo: String?
    /// An https page that unsubscribes in one click (`…?jeton=…` is added).
    public var unsubscribeURL: String?
    /// The address of `List-Unsubscribe: <mailto:…>`; the sender address when absent.
    public var unsubscribeMailto: String?
    /// An https page where a new subscriber confirms (double opt-in); else they reply by e-mail.
    public var confirmURL: String?
    /// Messages per minute and per day the relay accepts; nil for no limit.
    public var perMinute: Int?
    public var perDay: Int?
    /// Parallel connections to the relay (small relays refuse more than one).
    public var connections = 1
    /// Seconds allowed to connect, start TLS, read the greeting, EHLO and log in.
    public var connectTimeout = SMTPSettings.defaultConnectTimeout
    /// Seconds allowed for each reply of the server, the one after the final dot included.
    public var replyTimeout = SMTPSettings.defaultReplyTimeout
    /// Microsoft 365 and an ordinary relay answer within seconds; a relay that
    /// scans content may take most of a minute after the final dot, and giving
    /// up there leaves the message's fate unknown (it is sent again).
    public static let defaultConnectTimeout = 30
    public static let defaultReplyTimeout = 60
    /// Delivery records forced to disk together (`DeliveryLog` group commit); 1 syncs after each message.
    public var syncEvery = SMTPSettings.defaultSyncEvery
    public static let defaultSyncEvery = 64

    public init() {}

    /// Reads the group; problems go to the section, so the administrator sees them all at once.
    static func read(_ section: ConfigSection) -> SMTPSettings {
        var settings = SMTPSettings()
        settings.url = section.optionalString("url")
        if let url = settings.url, !(url.hasPrefix("smtp://") || url.hasPrefix("smtps://")) || URLComponents(string: url)?.host?.isEmpty != false {
            section.report("« \(section.path).url » doit ressembler à \"smtp://relais.exemple.be:587\" ou \"smtps://relais.exemple.be:465\", pas « \(url) ».",
                           about: "url")
            settings.url = nil
        }
        for (key, keyPath) in [("fromAddress", \SMTPSettings.fromAddress), ("replyTo", \.replyTo), ("unsubscribeMailto", \.unsubscribeMailto)] {
            guard let address = section.optionalString(key) else { continue }
            if MailAddress.isValid(address) {
                settings[keyPath: keyPath] = address
            } else {
                section.report("« \(section.path).\(key) » : « \(address) » n'est pas une adresse e-mail valable.", about: key)
            }
        }
        settings.fromName = section.optionalString("fromName")
        if let name = settings.fromName, (try? MailHeaderText.check(name, field: "fromName")) == nil {
            section.report("« \(section.path).fromName » ne peut pas contenir de retour à la ligne.", about: "fromName")
            settings.fromName = nil
        }
        for (key, keyPath) in [("unsubscribeURL", \SMTPSettings.unsubscribeURL), ("confirmURL", \.confirmURL)] {
            guard let link = section.optionalString(key) else { continue }
            if (try? MailMessage.checkedLink(link, scheme: "https://")) != nil {
                settings[keyPath: keyPath] = link
            } else {
                section.report("« \(section.path).\(key) » doit être une adresse https:// sans espace, pas « \(link) ».", about: key)
            }
        }
        let perMinute = section.int("perMinute", default: 0, range: 0...100_000)
        let perDay = section.int("perDay", default: 0, range: 0...10_000_000)
        settings.perMinute = perMinute == 0 ? nil : perMinute
        settings.perDay = perDay == 0 ? nil : perDay
        settings.connections = section.int("connections", default: 1, range: 1...16)
        settings.connectTimeout = section.int("connectTimeout", default: defaultConnectTimeout, range: 1...600)
        settings.replyTimeout = section.int("replyTimeout", default: defaultReplyTimeout, range: 1...900)
        settings.syncEvery = section.int("syncEvery", default: defaultSyncEvery, range: 1...10_000)
        return settings
    }

    /// The relay's limits as a fresh limiter.
    public func makeRateLimiter() -> RateLimiter {
        RateLimiter(perMinute: perMinute, perDay: perDay)
    }
}
