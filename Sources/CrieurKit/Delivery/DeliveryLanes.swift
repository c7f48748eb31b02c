import Foundation

/// Sends through several transports at once (`smtp.connections`), one thread
/// per transport, each transport keeping its own connection.
///
/// Only rendering and sending run on the lanes' threads: the sender decides
/// every message (consent, retries, rate limit) and records every reply on its
/// own thread, through `submit` and `next`, so its state needs no lock. Up to
/// two messages per lane are in flight, so a lane that finishes one starts the
/// next at once instead of waiting for the sender's thread to be scheduled.
/// With a single transport nothing runs elsewhere: `submit` renders and sends
/// at once and `next` hands that reply back. A class because it owns the
/// threads; they end when it is released.
final class DeliveryLanes {
    /// What a lane did with one job: the reply, or why there was none.
    struct Completion<Tag> {
        var tag: Tag
        var result: Result<Sent, any Error>
    }

    /// The relay's reply, and the message itself when the transport keeps a copy
    /// of it (the outbox): an erasure that ran meanwhile must take that copy too.
    struct Sent: Sendable {
        var reply: DeliveryReply
        var keptCopy: OutgoingMail?
        /// The message's `Message-ID`, recorded so that a bounce finds its delivery.
        var messageID: String?
    }

    /// A job withdrawn by `cancelWaiting` before any lane started it: nothing was sent.
    struct NotStarted: Error {}

    typealias Work = @Sendable (any MailTransport) throws -> Sent

    private let transports: [TransportBox]
    private let depth: Int
    private var nextID = 0
    private var tags: [Int: Any] = [:]
    private var inline: (id: Int, result: Result<Sent, any Error>)?
    private let jobs = JobQueue()
    private var started = false

    init(transports: [any MailTransport]) {
        precondition(!transports.isEmpty, "at least one transport")
        self.transports = transports.map(TransportBox.init)
        depth = transports.count == 1 ? 1 : 2 * transports.count
    }

    deinit {
        jobs.close()
    }

    /// Messages submitted whose reply `next` has not returned yet.
    var inFlight: Int { tags.count }
    var isFull: Bool { inFlight >= depth }

    /// Hands `work` to the lanes; call only when `isFull` is false.
    func submit<Tag>(_ tag: Tag, _ work: @escaping Work) {
        precondition(!isFull, "no room in the lanes")
        let id = nextID
        nextID += 1
        tags[id] = tag
        if transports.count == 1 {
            inline = (id, Result { try work(transports[0].value) })
            return
        }
        if !started {
            started = true
            for (index, transport) in transports.enumerated() {
                let thread = Thread { [jobs] in
                    while let (id, work) = jobs.take() { jobs.finish(id, Result { try work(transport.value) }) }
                }
                thread.name = "crieur-smtp-\(index)"
                thread.start()
            }
        }
        jobs.add(id, work)
    }

    /// Whether the transports keep a copy of each message (all are of one kind).
    var keepCopies: Bool { transports[0].value.keepsCopies }

    /// Removes a kept copy; safe beside the lanes: a transport that keeps copies
    /// (the outbox) holds no connection, only a folder.
    func discardCopy(of mail: OutgoingMail) throws {
        try transports[0].value.discardCopy(of: mail)
    }

    /// Withdraws the jobs no lane has started (the run is stopping): `next`
    /// returns them with `NotStarted`.
    func cancelWaiting() {
        jobs.cancelWaiting()
    }

    /// Waits for the next reply of a submitted message; call only when `inFlight` > 0.
    func next<Tag>(as _: Tag.Type) -> Completion<Tag> {
        precondition(inFlight > 0, "nothing in flight")
        let (id, result): (Int, Result<Sent, any Error>)
        if let done = inline {
            inline = nil
            (id, result) = done
        } else {
            (id, result) = jobs.next()
        }
        return Completion(tag: tags.removeValue(forKey: id) as! Tag, result: result)
    }

    /// A transport used by one thread at a time: its lane's, or the sender's when inline.
    private final class TransportBox: @unchecked Sendable {
        let value: any MailTransport
        init(_ value: any MailTransport) { self.value = value }
    }

    /// Jobs waiting for a lane, and replies waiting for the sender: two locks,
    /// so a new job wakes one lane and a reply wakes only the sender.
    private final class JobQueue: @unchecked Sendable {
        private let jobs = NSCondition()
        private let replies = NSCondition()
        private var waiting: [(Int, Work)] = []
        private var finished: [(Int, Result<Sent, any Error>)] = []
        private var closed = false

        func add(_ id: Int, _ work: @escaping Work) {
            jobs.withLock {
                waiting.append((id, work))
                jobs.signal()
            }
        }

        /// The next job for a lane; nil once closed.
        func take() -> (Int, Work)? {
            jobs.withLock {
                while waiting.isEmpty && !closed { jobs.wait() }
                return closed ? nil : waiting.removeFirst()
            }
        }

        func finish(_ id: Int, _ result: Result<Sent, any Error>) {
            replies.withLock {
                finished.append((id, result))
                replies.signal()
            }
        }

        func cancelWaiting() {
            let withdrawn = jobs.withLock {
                defer { waiting = [] }
                return waiting.map(\.0)
            }
            guard !withdrawn.isEmpty else { return }
            replies.withLock {
                finished += withdrawn.map { ($0, .failure(NotStarted())) }
                replies.signal()
            }
        }

        func next() -> (Int, Result<Sent, any Error>) {
            replies.withLock {
                while finished.isEmpty { replies.wait() }
                return finished.removeFirst()
            }
        }

        func close() {
            jobs.withLock {
                closed = true
                jobs.broadcast()
            }
        }
    }
}
