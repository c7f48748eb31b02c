/// What happened to one message, as the next step needs it: sent, worth trying
/// again later (4xx, dropped connection, server down), or refused for good (5xx).
public enum DeliveryOutcome: String, Sendable, Codable, Equatable {
    case sent
    case temporaryFailure
    case permanentFailure
}

/// The server's answer to one message: outcome, SMTP reply code (0 when the
/// server gave none, e.g. it could not be reached) and reply text.
public struct DeliveryReply: Sendable, Equatable {
    public var outcome: DeliveryOutcome
    public var code: Int
    public var text: String
    /// The whole message and its final dot were sent, then no reply came (the
    /// connection dropped, the server stayed silent, the service stopped): the
    /// relay may have accepted it. Such a failure is retried, so the person may
    /// get the message twice; the sender says so rather than promising otherwise.
    public var acceptanceUnknown: Bool
    /// The failure comes from a mistake in the settings (the password refused,
    /// the sender refused by the relay): no retry fixes it, a person must.
    public var settingsError: Bool

    public init(outcome: DeliveryOutcome, code: Int, text: String, acceptanceUnknown: Bool = false, settingsError: Bool = false) {
        self.outcome = outcome
        self.code = code
        self.text = text
        self.acceptanceUnknown = acceptanceUnknown
        self.settingsError = settingsError
    }
}
