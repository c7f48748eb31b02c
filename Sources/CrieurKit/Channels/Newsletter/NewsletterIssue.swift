/// One issue of the newsletter: the items it gathers, under one title and
/// date, and the e-mail's subject (the title unless the issue names its items
/// there). An urgent item goes out as an issue of its own.
public struct NewsletterIssue: Sendable {
    /// Stable id, recorded with every delivery (`2026-03`, `urgent-distribution-colis`).
    public var id: String
    public var title: String
    /// The e-mail's subject.
    public var subject: String
    /// The day the issue is dated, shown in words.
    public var date: CivilDate
    public var items: [Item]

    public init(id: String, title: String, subject: String? = nil, date: CivilDate, items: [Item]) {
        self.id = id
        self.title = title
        self.subject = subject ?? title
        self.date = date
        self.items = items
    }
}

/// Who one message goes to. `token` is the subscriber's personal, unguessable
/// token (from the consent ledger) that their unsubscribe or confirmation link carries.
public struct NewsletterRecipient: Sendable {
    public var id: String
    public var address: String
    public var name: String?
    public var token: String

    public init(id: String, address: String, name: String? = nil, token: String) {
        self.id = id
        self.address = address
        self.name = name
        self.token = token
    }
}
