extension NewsletterRenderer {
    /// Stands in for the personal unsubscribe token on pages everyone may read
    /// (the archive of an issue, the preview): it names what each subscriber gets.
    static let genericToken = "lien-personnel-de-chaque-abonne"

    /// The issue's bodies without anyone's personal link: the HTML archive and the preview.
    public func genericBodies(_ prepared: PreparedIssue) throws(NewsletterError) -> (text: String, html: String) {
        try bodies(prepared, recipient: NewsletterRecipient(id: "", address: "", token: Self.genericToken))
    }
}
