import Foundation

/// The `web` group of `config/crieur.json5`: the public pages served by the
/// commune's web server through `crieur web` (CGI).
///
/// ```
/// web: {
///   baseURL: "https://www.commune.be/lettre",
///   consentText: "J'accepte que le CPAS garde mon adresse pour m'envoyer sa lettre…",
///   perAddressPerDay: 3,
///   replyWaitSeconds: 3,
/// }
/// ```
///
/// The version of the consent text is `newsletter.consentWording`: change both
/// together. When `baseURL` is set and `smtp.unsubscribeURL` / `smtp.confirmURL`
/// are not, the messages link to `baseURL/desinscription` and `baseURL/confirmation`.
public struct WebSettings: Sendable, Equatable {
    /// Where the web server runs `crieur web`, without a trailing slash; nil: no pages.
    public var baseURL: String?
    /// The consent sentence shown above the box to tick; empty: a default naming the centre.
    public var consentText = ""
    /// Subscription requests accepted per address over 24 hours (the rest are refused and recorded).
    public var perAddressPerDay = 3
    /// Seconds a page waits for the worker's answer before saying « votre demande est enregistrée ».
    public var replyWaitSeconds = 3
    /// Largest form accepted, in bytes.
    public var maxBodyBytes = 8_192

    public init() {}

    /// The consent sentence for the centre `organisation`.
    public func consentSentence(organisation: String) -> String {
        consentText.isEmpty
            ? "J'accepte que \(organisation) garde mon adresse e-mail (et mon nom si je le donne) pour m'envoyer sa lettre d'information. "
                + "Je peux me désinscrire à tout moment par le lien présent dans chaque lettre."
            : consentText
    }

    static func read(_ section: ConfigSection) -> WebSettings {
        var settings = WebSettings()
        if let base = section.optionalString("baseURL") {
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            if (try? MailMessage.checkedLink(trimmed, scheme: "https://")) != nil, !trimmed.contains("?") {
                settings.baseURL = trimmed
            } else {
                section.report("« \(section.path).baseURL » doit être une adresse https:// sans espace ni « ? », "
                    + "par exemple \"https://www.commune.be/lettre\", pas « \(base) ».")
            }
        }
        settings.consentText = section.string("consentText", default: "")
        if settings.consentText.contains(where: \.isNewline) {
            section.report("« \(section.path).consentText » doit tenir sur une ligne.")
            settings.consentText = ""
        }
        settings.perAddressPerDay = section.int("perAddressPerDay", default: settings.perAddressPerDay, range: 1...100)
        settings.replyWaitSeconds = section.int("replyWaitSeconds", default: settings.replyWaitSeconds, range: 0...20)
        settings.maxBodyBytes = section.int("maxBodyBytes", default: settings.maxBodyBytes, range: 1_024...65_536)
        return settings
    }
}
