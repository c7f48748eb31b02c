import Foundation

/// One line of `data/consent.jsonl`: something that happened to one
/// subscriber's consent for one list. The ledger is only ever appended to,
/// except by an erasure, which rewrites it without the person's data
/// (`withoutPersonalData`) and keeps the rest, so that counts per quarter stay right.
public struct ConsentEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// The person agreed to receive the list (`status` says whether it still needs confirming).
        case subscribed
        /// A pending subscriber confirmed by following the link of the confirmation e-mail.
        case confirmed
        /// The person left the list.
        case withdrawn
        /// The person's data was erased (right to erasure); only counts remain.
        case erased
    }

    /// For `subscribed`: waiting for the double opt-in confirmation, or confirmed at once.
    public enum Status: String, Codable, Sendable {
        case pending, confirmed
    }

    public var kind: Kind
    /// The subscriber's random id (`s-` and 16 hexadecimal digits), never derived from the address.
    public var subscriber: String
    public var list: String
    public var time: Date
    /// `subscribed`: the address, its domain in lower case.
    public var address: String?
    public var name: String?
    /// `subscribed`: the proof of consent ("formulaire papier n°42"); other kinds: how it happened.
    public var source: String?
    /// `subscribed`: the version of the consent wording the person agreed to.
    public var wording: String?
    public var status: Status?
    /// `subscribed`: the token of the personal unsubscribe link.
    public var unsubscribeToken: String?
    /// `subscribed` with status pending: the token of the confirmation link.
    public var confirmationToken: String?

    public init(kind: Kind, subscriber: String, list: String, time: Date, address: String? = nil,
                name: String? = nil, source: String? = nil, wording: String? = nil, status: Status? = nil,
                unsubscribeToken: String? = nil, confirmationToken: String? = nil) {
        self.kind = kind
        self.subscriber = subscriber
        self.list = list
        self.time = time
        self.address = address
        self.name = name
        self.source = source
        self.wording = wording
        self.status = status
        self.unsubscribeToken = unsubscribeToken
        self.confirmationToken = confirmationToken
    }

    /// The event as an erasure leaves it: what happened, to which id, on which
    /// list, when. The address, the name, the proof text (it may name the person)
    /// and the tokens go.
    public var withoutPersonalData: ConsentEvent {
        ConsentEvent(kind: kind, subscriber: subscriber, list: list, time: time, wording: wording, status: status)
    }

    /// The encoder and decoder of ledger lines: dates in ISO 8601 (UTC).
    static func lineEncoder() -> JSONEncoder {
        AppendOnlyLog.lineEncoder()
    }

    static func lineDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
