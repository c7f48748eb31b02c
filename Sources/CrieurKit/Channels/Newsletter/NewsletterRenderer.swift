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
    /// Where each event's `.ics` is published, for « Ajouter à mon agenda ».
    let calendarLinks: CalendarSettings
    let clock: any Clock
    let sender: MailAddress
    let replyTo: MailAddress?

    public init(config: CrieurConfig, templates: NewsletterTemplates, clock: any Clock) throws(NewsletterError) {
        self.templates = templates
        organisation = config.organisation
        smtp = config.smtp
        timeZone = config.timeZone
        calendarLinks = config.calendar
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
    /// Also the bodies filled in once with gaps for each recipient's own parts,
    /// and the header lines every recipient shares: what `render` needs per
    /// message is then joining pieces, not walking the templates (nil when
    /// filling in failed: `render` then fills in and throws the error).
    public struct PreparedIssue: Sendable {
        public let issue: NewsletterIssue
        let heading: TemplateValue
        let textItems: TemplateValue
        let htmlItems: TemplateValue
        var personal: NewsletterBodyTemplate?
        var sharedHeaders: MailMessage.SharedHeaders?
    }

    public func prepare(_ issue: NewsletterIssue) -> PreparedIssue {
        let date = FrenchDates.day(issue.date, referenceYear: nil)
        var prepared = PreparedIssue(
            issue: issue,
            // `titreDate`: a regular issue's title ends with its date, which the templates then do not print twice.
            heading: .object(["titre": .text(issue.title), "date": .text(date), "titreDate": .bool(issue.title.hasSuffix(date)),
                              "sommaire": .bool(issue.items.count > Self.tableOfContentsAbove)]),
            textItems: .list(issue.items.enumerated().map { itemContext($1, number: $0 + 1, issue: issue, html: false) }),
            htmlItems: .list(issue.items.enumerated().map { itemContext($1, number: $0 + 1, issue: issue, html: true) }))
        let values = prepared
        prepared.personal = NewsletterBodyTemplate { name, link in try? bodies(values, name: name, link: link) }
        prepared.sharedHeaders = try? MailMessage.SharedHeaders(from: sender, replyTo: replyTo, subject: issue.subject)
        return prepared
    }

    /// The message for one recipient, ready for a transport.
    public func render(_ prepared: PreparedIssue, recipient: NewsletterRecipient) throws(NewsletterError) -> OutgoingMail {
        try render(prepared, recipient: recipient, date: clock.now(), messageID: MailMessage.makeMessageID(domain: sender.domain))
    }

    /// Same, with the prepared pieces when there are some.
    func render(_ prepared: PreparedIssue, recipient: NewsletterRecipient, date: Date, messageID: String) throws(NewsletterError) -> OutgoingMail {
        let links = try unsubscribeLinks(token: recipient.token)
        let text: String, html: String
        if let personal = prepared.personal {
            (text, html) = personal.bodies(name: recipient.name, link: links.https ?? links.mailto)
        } else {
            (text, html) = try bodies(prepared, recipient: recipient)
        }
        return try mail(to: recipient, subject: prepared.issue.subject, text: text, html: html, unsubscribe: links,
                        date: date, messageID: messageID, sharedHeaders: prepared.sharedHeaders)
    }

    /// Same, filling the templates in for this recipient (what `render` does without prepared pieces).
    func renderFillingIn(_ prepared: PreparedIssue, recipient: NewsletterRecipient, date: Date, messageID: String) throws(NewsletterError) -> OutgoingMail {
        let (text, html) = try bodies(prepared, recipient: recipient)
        return try mail(to: recipient, subject: prepared.issue.subject, text: text, html: html, unsubscribe: try unsubscribeLinks(token: recipient.token),
                        date: date, messageID: messageID, sharedHeaders: nil)
    }

    /// Same, preparing the issue first (for a single message).
    public func render(issue: NewsletterIssue, recipient: NewsletterRecipient) throws(NewsletterError) -> OutgoingMail {
        try render(prepare(issue), recipient: recipient)
    }

    /// The plain-text and HTML bodies for one recipient (also what a preview or the archive shows).
    public func bodies(_ prepared: PreparedIssue, recipient: NewsletterRecipient) throws(NewsletterError) -> (text: String, html: String) {
        let links = try unsubscribeLinks(token: recipient.token)
        return try bodies(prepared, name: recipient.name, link: links.https ?? links.mailto)
    }

    /// The bodies for a recipient of that name and unsubscribe link: the only personal values the templates see.
    private func bodies(_ prepared: PreparedIssue, name: String?, link: String) throws(NewsletterError) -> (text: String, html: String) {
        var context = commonContext(name: name)
        context["lettre"] = prepared.heading
        context["desinscription"] = .object(["lien": .text(link)])
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
    ///
    /// It goes to an address nobody has confirmed, and anybody may type any
    /// address and any name on the public form: the name stays out of it (no
    /// `abonne.nom`, no name in `To:`), so the form cannot make the centre send
    /// a stranger's text to someone. The letters, sent once consent is given, greet by name.
    public func renderConfirmation(recipient: NewsletterRecipient) throws(NewsletterError) -> OutgoingMail {
        var recipient = recipient
        recipient.name = nil
        var context = commonContext(name: nil)
        context["confirmation"] = .object(["lien": .text(try confirmationLink(token: recipient.token))])
        let text: String, html: String
        do {
            text = try templates.confirmationText.render(.object(context))
            html = try templates.confirmationHTML.render(.object(context))
        } catch {
            throw .template(error)
        }
        return try mail(to: recipient, subject: "Confirmez votre inscription à la lettre d'information \(organisation.withDe)",
                        text: text, html: html, unsubscribe: nil, date: clock.now(),
                        messageID: MailMessage.makeMessageID(domain: sender.domain), sharedHeaders: nil)
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
                      unsubscribe: MailMessage.Unsubscribe?, date: Date, messageID: String,
                      sharedHeaders: MailMessage.SharedHeaders?) throws(NewsletterError) -> OutgoingMail {
        do {
            let message = MailMessage(
                from: sender, to: try MailAddress(recipient.address, name: recipient.name), replyTo: replyTo,
                subject: subject, date: date, timeZone: timeZone, messageID: messageID,
                textBody: text, htmlBody: html, unsubscribe: unsubscribe)
            return OutgoingMail(sender: sender.address, recipient: recipient.address, data: try message.encoded(sharing: sharedHeaders),
                                messageID: message.messageID)
        } catch {
            throw .message(error)
        }
    }

    private func commonContext(name: String?) -> [String: TemplateValue] {
        [
            "centre": .object([
                "nom": .text(organisation.name),
                "de": .text(organisation.withDe),
                "adresse": .text(organisation.address),
                "telephone": .text(organisation.phone),
                "email": .text(organisation.email),
                "site": .text(BodyHTML.isSafeLink(organisation.website) ? organisation.website : ""),
            ]),
            "abonne": .object(["nom": .text(name)]),
        ]
    }

    /// An issue of more items than this opens with a table of contents (`lettre.sommaire`).
    static let tableOfContentsAbove = 3

    /// `number`: the item's place in the issue, from 1; its anchor is `annonce-NUMBER`.
    private func itemContext(_ item: Item, number: Int, issue: NewsletterIssue, html: Bool) -> TemplateValue {
        let link = item.link.flatMap { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") ? $0 : nil }
        return .object([
            "titre": .text(item.title),
            "ancre": .text("annonce-\(number)"),
            "texte": html ? .html(BodyHTML.render(item.body, links: .clickable)) : .text(BodyPlainText.render(item.body)),
            "lieu": .text(item.place),
            "quand": .text(item.when?.french(referenceYear: issue.date.year)),
            "lien": .text(link),
            "agenda": .text(item.when == nil ? nil : item.explicitID.flatMap(calendarLinks.link(identity:))),
            "urgent": .bool(item.urgent),
        ])
    }

    /// Fills every template once with a sample that uses every field.
    private func checkTemplates() throws(NewsletterError) {
        let day = CivilDate(year: 2026, month: 3, day: 2)
        let body = Body(blocks: [.paragraph([[.text("Exemple")]])])
        let full = Item(title: "Exemple", channels: [.newsletter], publication: ItemMoment(date: day), expires: ItemMoment(date: day),
                        urgent: true, link: "https://exemple.be", place: "Exemple", body: body, bodyText: "Exemple", bodyFirstLine: 1,
                        when: .day(day, from: CivilTime(hour: 9, minute: 0)), explicitID: "exemple")
        let bare = Item(title: "Exemple", channels: [.newsletter], body: body, bodyText: "Exemple", bodyFirstLine: 1)
        // More items than `tableOfContentsAbove`: the table of contents is filled in too.
        let sample = NewsletterIssue(id: "exemple", title: "Exemple", date: day, items: [full, bare, bare, bare])
        let token = String(repeating: "x", count: 22)
        for name in ["Exemple", nil] {
            let recipient = NewsletterRecipient(id: "exemple", address: "exemple@exemple.be", name: name, token: token)
            _ = try bodies(prepare(sample), recipient: recipient)
            _ = try renderConfirmation(recipient: recipient)
        }
    }
}
