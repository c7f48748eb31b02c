import Foundation

/// One issue of the newsletter, frozen when it is planned: which archived items
/// it carries and for which slot of the schedule. The sender works from this
/// record, so an issue interrupted by a crash resumes with the same content.
public struct NewsletterIssueRecord: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// A slot of the schedule (may be empty: recorded so the slot is not used twice).
        case regular
        /// One `Urgent: oui` item, sent at once on its own.
        case urgent
        /// Asked for by `crieur newsletter --send`.
        case manual
        /// An urgent item already sent, then withdrawn: « Annulé : », at once.
        case cancellation
    }

    /// `2026-12-07` for a regular issue, `urgent-ARCHIVE-ID`, `annulation-ARCHIVE-ID`, `manuel-AAAA-MM-JJ-HHMMSS`.
    public var id: String
    public var kind: Kind
    /// The schedule slot (regular) or the moment it was decided (urgent, manual).
    public var scheduledFor: Date
    /// Ids of records in `out/archive/`, in reading order.
    public var itemIDs: [String]
    /// When the sender froze it (a slot may be planned late, after a stop):
    /// who had consent then is the issue's audience.
    public var plannedAt: Date?
    /// Ids among `itemIDs` that correct a version an earlier issue already
    /// delivered: their title reads « Rectificatif : ».
    public var corrections: [String]?

    public init(id: String, kind: Kind, scheduledFor: Date, itemIDs: [String], corrections: [String]? = nil) {
        self.id = id
        self.kind = kind
        self.scheduledFor = scheduledFor
        self.itemIDs = itemIDs
        self.corrections = corrections
    }

    /// An issue with no item is a slot that passed with nothing to say: nothing is sent.
    public var isEmpty: Bool { itemIDs.isEmpty }
}
