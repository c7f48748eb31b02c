import Foundation

/// Decides what becomes of one parsed item at a given time: refused, waiting
/// for its publication date, expired, or published with the files each channel
/// renders. Pure: the worker does the reading, writing and moving around it.
public struct ItemProcessor: Sendable {
    public let config: CrieurConfig
    public let calendar: CivilCalendar
    public let publishers: [Channel: any ChannelPublisher]
    public let gate: ReadabilityGate

    public init(config: CrieurConfig, publishers: [any ChannelPublisher]) {
        self.config = config
        self.gate = ReadabilityGate(settings: config.readability)
        self.calendar = CivilCalendar(timeZone: config.timeZone)
        self.publishers = Dictionary(publishers.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public enum Outcome: Sendable {
        /// `details`: a longer French explanation for the report (the readability report).
        case reject([ItemProblem], details: String?, reasons: [RefusalReason])
        case wait(until: Date)
        case expire(ended: Date)
        /// `unsupported` lists the item's channels this version cannot publish yet:
        /// the item is kept in `done/`, where those channels will find it.
        case publish(renderings: [Channel: ChannelRendering], unsupported: [Channel], derogation: Derogation?)
    }

    /// An item published despite readability findings, and why.
    public struct Derogation: Sendable, Equatable, Codable {
        public var reason: String
        public var channels: [Channel]
    }

    /// The channels' cheap limits come first (a megabyte for the screen is refused
    /// for its length before its sentences are read), then readability, so staff
    /// hear about a hard text when they drop it, not on its publication day.
    public func decide(_ item: Item, itemName: String, imageData: Data?, now: Date) -> Outcome {
        let context = PublicationContext(
            now: now, calendar: calendar, config: config, itemName: itemName, imageData: imageData)
        var limitProblems: [ItemProblem] = []
        var overLimit: [RefusalReason] = []
        for channel in item.channels {
            guard let problems = publishers[channel]?.limitProblems(item, context: context), !problems.isEmpty else { continue }
            limitProblems += problems
            overLimit.append(.channel(channel))
        }
        if !limitProblems.isEmpty { return .reject(limitProblems, details: nil, reasons: overLimit) }
        var derogation: Derogation?
        switch gate.evaluate(item, fileName: itemName) {
        case .pass: break
        case .overridden(let reason, let channels): derogation = Derogation(reason: reason, channels: channels)
        case .refuse(let problems, let details, let rules):
            let reasons = rules.isEmpty ? [RefusalReason.readability(rule: "score")] : rules.map { RefusalReason.readability(rule: $0) }
            return .reject(problems, details: details, reasons: reasons)
        }
        if let expires = item.expires, calendar.end(of: expires) < now {
            return .expire(ended: calendar.end(of: expires))
        }
        if let publication = item.publication, calendar.start(of: publication) > now {
            return .wait(until: calendar.start(of: publication))
        }
        var renderings: [Channel: ChannelRendering] = [:]
        var unsupported: [Channel] = []
        var problems: [ItemProblem] = []
        var refusing: [RefusalReason] = []
        for channel in item.channels {
            guard let publisher = publishers[channel] else {
                unsupported.append(channel)
                continue
            }
            do {
                renderings[channel] = try publisher.render(item, context: context)
            } catch {
                problems += error.problems
                refusing.append(.channel(channel))
            }
        }
        return problems.isEmpty
            ? .publish(renderings: renderings, unsupported: unsupported, derogation: derogation)
            : .reject(problems, details: nil, reasons: refusing)
    }
}
