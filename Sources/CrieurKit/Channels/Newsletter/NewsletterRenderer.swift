import Foundation

/// Turns an issue and one recipient into the e-mail they receive, through the
/// workspace's templates: the items' titles, bodies (escaped HTML, or plain
/// text), where and when (French dates) and links; the centre's name and postal
/// address; a personal unsubscribe link, repeated in `List-Unsubscribe`. Also the
/// double opt-in confirmation message.
///
/// Pure apart from the clock (the `Date` header) and random Message-IDs: it
/// returns bytes and writes nothing. Every template is tried once at creation on
/// a sample issue, so a typo in a template stops the sender before the first
/// message rather than halfway through. Failures are `NewsletterError`s.
public struct NewsletterRenderer: Sendable {
    public let templates: NewsletterTemplates
    let organisation: CrieurConfig.Organisation
    let smtp: SMTPSettings
    let timeZone: TimeZone
    let clock: any Clock
    let sender: MailAddress
    let replyTo: MailAddress?

    public init(config: CrieurConfig, templates: NewsletterTemplates, clock: any Clock) throws(NewsletterError) {
        self.templates = templates
        organisation = config.organisation
        smtp = config.smtp
        timeZone = config.timeZone
        self.clock = clock
        let name = config.smtp.fromName ?? config.organisation.name
        guard let sender = try? MailAddress(config.smtp.fromAddress ?? config.organisation.email, name: name) else {
            throw .missingSender
        }
        self.sender = sender
        replyTo = try? config.smtp.replyTo.map { address throws(MailMessageError) in try MailAddress(address) }
        try checkTemplates()
    }

    /// An issue with its items turned into template values once (bodies, dates),
    /// to fill in for every recipient.
    public struct PreparedIssue: Sendable {
        public let issue: NewsletterIssue
        let heading: TemplateValue
        let textItems: TemplateValue
        let htmlItems: TemplateValue
    }

    public func prepare(_ issue: NewsletterIssue) -> PreparedIssue {
        PreparedIssue(
            issue: issue,
            heading: .object(["titre": .text(issue.title), "date": .text(FrenchDates.day(issue.date, referenceYear: nil))]),
            textItems: .list(issue.items.map { itemContext($0, issue: issue, html: false) }),
            htmlItems: .list(issue.items.map { itemContext($0, issue: issue, html: true) }))
    }

    /// The message for one recipient, ready for a transport.
    public func render(_ prepared: PreparedIssue, recipient: NewsletterRecipient) throws(NewsletterError) -> OutgoingMail {
        let (text, html) = try bodies(prepared, recipient: recipient)
        return try mail(to: recipient, subject: prepared.issue.title, text: text, html: html, unsubscribe: try unsubscribeLinks(token: recipient.token))
    }

    /// Same, preparing the issue first (for a single message).
    public func render(issue: NewsletterIssue, recipient: NewsletterRecipient) throws(NewsletterError) -> OutgoingMail {
        try render(prepare(issue), recipient: recipient)
    }

    /// The plain-text and HTML bodies for one recipient (also what a preview or the archive shows).
    public func bodies(_ prepared: PreparedIssue, recipient: NewsletterRecipient) throws(NewsletterError) -> (text: String, html: String) {
        let links = try unsubscribeLinks(token: recipient.token)
        var context = commonContext(recipient)
        context["lettre"] = prepared.heading
        context["desinscription"] = .object(["lien": .text(links.https ?? links.mailto)])
        do {
            context["annonces"] = prepared.textItems
            let text = try templates.messageText.render(.object(context))
            context["annonces"] = prepared.htmlItems
            let html = try templates.messageHTML.render(.object(context))
            return (text, html)
        } catch {
            throw .template(error)
        }
    }

    /// The double opt-in message: one link that confirms the subscription (the
    /// `smtp.confirmURL` page, else a pre-filled reply by e-mail).
    public func renderConfirmation(recipient: NewsletterRecipient) throws(NewsletterError) -> OutgoingMail {
        var context = commonContext(recipient)
        context["confirmation"] = .object(["lien": .text(try confirmationLink(token: recipient.token))])
        let text: String, html: String
        do {
            text = try templates.confirmationText.render(.object(context))
            html = try templates.confirmationHTML.render(.object(context))
        } catch {
            throw .template(error)
        }
        return try mail(to: recipient, subject: "Confirmez votre inscription à la lettre de \(organisation.name)",
                        text: text, html: html, unsubscribe: nil)
    }

    /// The recipient's personal links: `mailto:` always, https when `smtp.unsubscribeURL` is set.
    public func unsubscribeLinks(token: String) throws(NewsletterError) -> MailMessage.Unsubscribe {
        try checkToken(token)
        let mailbox = smtp.unsubscribeMailto ?? sender.address
        let https = smtp.unsubscribeURL.map { base in base + (base.utf8.contains(UInt8(ascii: "?")) ? "&" : "?") + "jeton=" + token }
        return MailMessage.Unsubscribe(mailto: "mailto:\(mailbox)?subject=desinscription%20\(token)", https: https)
    }

    func confirmationLink(token: String) throws(NewsletterError) -> String {
        try checkToken(token)
        if let base = smtp.confirmURL { return base + (base.utf8.contains(UInt8(ascii: "?")) ? "&" : "?") + "jeton=" + token }
        return "mailto:\(smtp.replyTo ?? sender.address)?subject=confirmer%20\(token)"
    }

    private func checkToken(_ token: String) throws(NewsletterError) {
        let safe = token.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard (16...128).contains(token.utf8.count), safe else { throw .invalidToken }
    }

    private func mail(to recipient: NewsletterRecipient, subject: String, text: String, html: String,
                      unsubscribe: MailMessage.Unsubscribe?) throws(NewsletterError) -> OutgoingMail {
        do {
            let message = MailMessage(
                from: sender, to: try MailAddress(recipient.address, name: recipient.name), replyTo: replyTo,
                subject: subject, date: clock.now(), timeZone: timeZone,
                messageID: MailMessage.makeMessageID(domain: sender.domain),
                textBody: text, htmlBody: html, unsubscribe: unsubscribe)
            return OutgoingMail(sender: sender.address, recipient: recipient.address, data: try message.encoded(), messageID: message.messageID)
        } catch {
            throw .message(error)
        }
    }

    private func commonContext(_ recipient: NewsletterRecipient) -> [String: TemplateValue] {
        [
            "centre": .object([
                "nom": .text(organisation.name),
                "adresse": .text(organisation.address),
                "telephone": .text(organisation.phone),
                "email": .text(organisation.email),
                "site": .text(BodyHTML.isSafeLink(organisation.website) ? organisation.website : ""),
            ]),
            "abonne": .object(["nom": .text(recipient.name)]),
        ]
    }

    private func itemContext(_ item: Item, issue: NewsletterIssue, html: Bool) -> TemplateValue {
        let link = item.link.flatMap { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") ? $0 : nil }
        return .object([
            "titre": .text(item.title),
            "texte": html ? .html(BodyHTML.render(item.body, links: .clickable)) : .text(BodyPlainText.render(item.body)),
            "lieu": .text(item.place),
            "quand": .text(item.when?.french(referenceYear: issue.date.year)),
            "lien": .text(link),
            "urgent": .bool(item.urgent),
        ])
    }

    /// Fills every template once with a sample that uses every field.
    private func checkTemplates() throws(NewsletterError) {
        let day = CivilDate(year: 2026, month: 3, day: 2)
        let body = Body(blocks: [.paragraph([[.text("Exemple")]])])
        let full = Item(title: "Exemple", channels: [.newsletter], publication: ItemMoment(date: day), expires: ItemMoment(date: day),
                        urgent: true, link: "https://exemple.be", place: "Exemple", body: body, bodyText: "Exemple", bodyFirstLine: 1,
                        when: .day(day, from: CivilTime(hour: 9, minute: 0)))
        let bare = Item(title: "Exemple", channels: [.newsletter], body: body, bodyText: "Exemple", bodyFirstLine: 1)
        let sample = NewsletterIssue(id: "exemple", title: "Exemple", date: day, items: [full, bare])
        let token = String(repeating: "x", count: 22)
        for name in ["Exemple", nil] {
            let recipient = NewsletterRecipient(id: "exemple", address: "exemple@exemple.be", name: name, token: token)
            _ = try bodies(prepare(sample), recipient: recipient)
            _ = try renderConfirmation(recipient: recipient)
        }
    }
}
