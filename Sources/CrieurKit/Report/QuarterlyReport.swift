/// The figures of one period for the centre's strategic plan (PST): what was
/// published where, what was refused and why, and — once the newsletter keeps
/// them — subscribers and deliveries. Every figure is counted from the ledgers
/// (`data/journal.jsonl`, `data/derogations.jsonl`, the consent and delivery
/// ledgers), so it can be checked against them line by line.
public struct QuarterlyReport: Codable, Sendable, Equatable {
    public var period: String
    /// First and last day, `AAAA-MM-JJ`.
    public var from: String
    public var to: String
    /// Items published, per channel (`newsletter`, `bulletin`, `facebook`, `ecran`).
    public var publishedPerChannel: [String: Int]
    /// Distinct items published on at least one channel.
    public var itemsPublished: Int
    public var itemsExpiredUnpublished: Int
    /// New versions of items already published (corrections), and items withdrawn.
    public var corrections: Int = 0
    public var withdrawals: Int = 0
    public var refusals: Int
    /// Refusal reasons, most frequent first; an item refused for several counts once per reason.
    public var refusalReasons: [ReasonCount]
    /// Items published despite readability findings (`Dérogation:`).
    public var derogations: Int
    public var newsletter: NewsletterFigures?
    /// Ledger lines that could not be read; they are not in the figures.
    public var damagedLedgerLines: Int
    /// The social directory as it stands when the report is made (nil when the workspace has none).
    public var directory: DirectoryFigures? = nil

    /// The bottin: its size, the entries « à vérifier » and the refused files
    /// today, and the « services de la semaine » of the period.
    public struct DirectoryFigures: Codable, Sendable, Equatable {
        public var services: Int
        /// « Nom (directory/fichier.txt) », for staff to check again.
        public var toCheck: [String]
        /// File names under `directory/`.
        public var refused: [String]
        /// « AAAA-MM-JJ : Nom », the weeks that began in the period.
        public var weeklyServices: [String]

        public init(_ status: DirectoryStatus, from: String, to: String) {
            services = status.listing.services.count
            toCheck = status.toCheck.map { "\($0.name) (directory/\($0.file))" }
            refused = status.listing.refused.map(\.file)
            weeklyServices = status.weeks.filter { $0.week >= from && $0.week <= to }.map { "\($0.week) : \($0.name)" }
        }
    }

    public struct ReasonCount: Codable, Sendable, Equatable {
        public var code: String
        public var label: String
        public var count: Int
    }

    public struct NewsletterFigures: Codable, Sendable, Equatable {
        public var subscribersAtStart: Int
        public var subscribersAtEnd: Int
        public var newConsents: Int
        public var withdrawals: Int
        public var erasures: Int
        public var issuesSent: Int
        public var messagesDelivered: Int
        /// Temporary failures still being retried at the end of the period.
        public var messagesDeferred: Int
        public var messagesFailed: Int

        public init(subscribersAtStart: Int = 0, subscribersAtEnd: Int = 0, newConsents: Int = 0,
                    withdrawals: Int = 0, erasures: Int = 0, issuesSent: Int = 0,
                    messagesDelivered: Int = 0, messagesDeferred: Int = 0, messagesFailed: Int = 0) {
            self.subscribersAtStart = subscribersAtStart
            self.subscribersAtEnd = subscribersAtEnd
            self.newConsents = newConsents
            self.withdrawals = withdrawals
            self.erasures = erasures
            self.issuesSent = issuesSent
            self.messagesDelivered = messagesDelivered
            self.messagesDeferred = messagesDeferred
            self.messagesFailed = messagesFailed
        }
    }
}
