/// Sends one message and says what the receiving side answered.
///
/// Everything the network or the server decides is a `DeliveryReply` (even a
/// server that cannot be reached: a temporary failure). Only a local problem
/// that no retry of this message would fix on its own (libcurl cannot start,
/// the outbox cannot be written) is a thrown `DeliveryError`.
public protocol MailTransport {
    func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply

    /// Deletes whatever copy of a sent message the transport kept (the outbox
    /// keeps the whole message): called when the recipient was erased while the
    /// message was going out. A transport that keeps nothing does nothing.
    func discardCopy(of mail: OutgoingMail) throws(DeliveryError)

    /// True when the transport keeps a copy of each message it sends.
    var keepsCopies: Bool { get }
}

extension MailTransport {
    public func discardCopy(of mail: OutgoingMail) throws(DeliveryError) {}
    public var keepsCopies: Bool { false }
}

/// A local problem stopped a transport; said in French for the administrator.
public enum DeliveryError: Error, Sendable, CustomStringConvertible {
    /// libcurl could not create or set up its handle.
    case cannotStart(String)
    /// The settings cannot work (unknown scheme, malformed address, login without
    /// its password): the French sentence names what to fix; never retried.
    case settings(String)
    /// The `.eml` file could not be written in the outbox.
    case outboxWriteFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotStart(let reason):
            return "Impossible de préparer l'envoi SMTP : \(reason)."
        case .settings(let sentence):
            return sentence
        case .outboxWriteFailed(let path, let reason):
            return "Impossible d'écrire le message dans \(path) : \(reason)."
        }
    }
}
