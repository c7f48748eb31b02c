import Foundation

/// The processor's decision in a few words, the same for `check`, `enqueue`
/// and the worker: what happens to the item, on which channels, and which
/// channels leave it out. Pure.
public struct ItemVerdict: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Nothing is published (`queue/rejected/`).
        case refused
        /// Published now on `channels`.
        case published
        /// Waits for its publication date, then is published on `channels`.
        case waiting
        /// The same version is already published: nothing changes.
        case unchanged
        /// Withdraws a published item everywhere.
        case withdrawal
        /// Its end passed while it waited.
        case expired
    }

    public var kind: Kind
    public var channels: [Channel] = []
    public var leftOut: [Channel] = []
    /// When it will be published (waiting items), in the centre's time zone (RFC 3339).
    public var until: String?
    /// The verdict for staff, in French.
    public var french: String

    public init(_ outcome: ItemProcessor.Outcome, calendar: CivilCalendar) {
        switch outcome {
        case .reject(_, _, let reasons):
            kind = .refused
            let channels = reasons.compactMap { reason -> Channel? in if case .channel(let c) = reason { c } else { nil } }
            french = "refusée" + (channels.isEmpty ? "" : " par : " + channels.map(\.frenchName).joined(separator: ", "))
        case .unchanged(let current):
            kind = .unchanged
            french = "déjà publiée telle quelle (« \(current.identity) ») : rien ne change"
        case .withdraw(let record):
            kind = .withdrawal
            channels = record.channels
            french = "retire l'annonce « \(record.identity) » de tous ses canaux"
        case .wait(let due):
            kind = .waiting
            until = calendar.timestamp(due)
            french = "attendra sa date de publication, " + FrenchDates.moment(calendar.moment(of: due), referenceYear: nil)
        case .expire:
            kind = .expired
            french = "expirée avant sa publication"
        case .publish(let publication):
            kind = .published
            channels = publication.record.channels
            leftOut = publication.refused.map(\.channel)
            french = (publication.isCorrection ? "publiée (nouvelle version) sur : " : "publiée sur : ")
                + channels.map(\.frenchName).joined(separator: ", ")
                + (leftOut.isEmpty ? "" : " ; pas sur : " + leftOut.map(\.frenchName).joined(separator: ", "))
        }
    }
}
