/// A person's consent to record: what `crieur subscribers add` and each line
/// of an import ask `ConsentLedger.subscribe` for.
public struct SubscriptionRequest: Sendable, Equatable {
    public var address: EmailAddress
    public var name: String?
    /// Nil: the configuration's default list.
    public var list: String?
    /// The proof of consent: "formulaire papier n°42", "formulaire web".
    public var source: String
    /// Nil: the configuration's current consent wording.
    public var wording: String?
    /// Ask for confirmation by e-mail first (always so on a double opt-in list).
    public var pending: Bool

    public init(address: EmailAddress, name: String? = nil, list: String? = nil, source: String,
                wording: String? = nil, pending: Bool = false) {
        self.address = address
        self.name = name
        self.list = list
        self.source = source
        self.wording = wording
        self.pending = pending
    }
}

/// What `ConsentLedger.subscribe` did with one request.
public enum SubscriptionOutcome: Sendable, Equatable {
    /// A new subscriber.
    case added(Subscriber)
    /// A known subscriber (withdrawn, or pending and now confirmed at the desk) gave consent again.
    case renewed(Subscriber)
    /// Already subscribed: nothing written.
    case alreadySubscribed(Subscriber)
    case refused(ConsentError)
}
