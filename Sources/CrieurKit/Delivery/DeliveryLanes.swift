import Foundation

/// Sends through several transports at once (`smtp.connections`), one thread
/// per transport, each transport keeping its own connection.
///
/// Only rendering and sending run on the lanes' threads: the sender decides
/// every message (consent, retries, rate limit) and records every reply on its
/// own thread, through `submit` and `next`, so its state needs no lock. With a
/// single transport nothing runs elsewhere: `submit` renders and sends at once
/// and `next` hands that reply back. A class because it owns the threads; they
/// end when it is released.
final class DeliveryLanes {
    /// What a lane did with one job: the reply, or why there was none.
    struct Completion<Tag> {
        var tag: Tag
        var result: Result<DeliveryReply, any Error>
    }

    typealias Work = @Sendable (any MailTransport) throws -> DeliveryReply

    private let lanes: [Lane]
    private var free: [Int]
    private var tags: [Int: Any] = [:]
    private var inline: (lane: Int, result: Result<DeliveryReply, any Error>)?
    private let finished = FinishedQueue()

    init(transports: [any MailTransport]) {
        precondition(!transports.isEmpty, "at least one transport")
        lanes = transports.enumerated().map { Lane(index: $0.offset, transport: $0.element) }
        free = Array(lanes.indices.reversed())
    }

    deinit {
        for lane in lanes { lane.close() }
    }

    /// Messages submitted whose reply `next` has not returned yet.
    var inFlight: Int { lanes.count - free.count }
    var isFull: Bool { free.isEmpty }

    /// Starts `work` on a free lane; call only when `isFull` is false.
    func submit<Tag>(_ tag: Tag, _ work: @escaping Work) {
        precondition(!free.isEmpty, "no free lane")
        let lane = lanes[free.removeLast()]
        tags[lane.index] = tag
        if lanes.count == 1 {
            inline = (lane.index, Result { try work(lane.transport.value) })
        } else {
            lane.start(work, reportingTo: finished)
        }
    }

    /// Waits for the next reply of a submitted message; call only when `inFlight` > 0.
    func next<Tag>(as _: Tag.Type) -> Completion<Tag> {
        precondition(inFlight > 0, "nothing in flight")
        let (index, result): (Int, Result<DeliveryReply, any Error>)
        if let done = inline {
            inline = nil
            (index, result) = done
        } else {
            (index, result) = finished.take()
        }
        free.append(index)
        return Completion(tag: tags.removeValue(forKey: index) as! Tag, result: result)
    }

    /// A transport used by one thread at a time: its lane's, or the sender's when inline.
    final class TransportBox: @unchecked Sendable {
        let value: any MailTransport
        init(_ value: any MailTransport) { self.value = value }
    }

    /// One thread and its transport, started at the first job.
    private final class Lane: @unchecked Sendable {
        let index: Int
        let transport: TransportBox
        private let condition = NSCondition()
        private var job: Work?
        private var closed = false
        private var thread: Thread?

        init(index: Int, transport: any MailTransport) {
            self.index = index
            self.transport = TransportBox(transport)
        }

        func start(_ work: @escaping Work, reportingTo finished: FinishedQueue) {
            condition.withLock {
                job = work
                condition.signal()
            }
            if thread == nil {
                let thread = Thread { [self] in run(finished) }
                thread.name = "crieur-smtp-\(index)"
                self.thread = thread
                thread.start()
            }
        }

        func close() {
            condition.withLock {
                closed = true
                condition.signal()
            }
        }

        private func run(_ finished: FinishedQueue) {
            while true {
                let work: Work? = condition.withLock {
                    while job == nil && !closed { condition.wait() }
                    defer { job = nil }
                    return job
                }
                guard let work else { return }
                finished.put(index, Result { try work(transport.value) })
            }
        }
    }

    /// Replies from the lanes' threads, in the order they finished.
    private final class FinishedQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [(Int, Result<DeliveryReply, any Error>)] = []

        func put(_ lane: Int, _ result: Result<DeliveryReply, any Error>) {
            condition.withLock {
                items.append((lane, result))
                condition.signal()
            }
        }

        func take() -> (Int, Result<DeliveryReply, any Error>) {
            condition.withLock {
                while items.isEmpty { condition.wait() }
                return items.removeFirst()
            }
        }
    }
}
