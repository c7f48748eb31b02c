import Foundation

/// Decides what becomes of one parsed item at a given time: refused, waiting
/// for its publication date, expired, or published with the files each channel
/// renders. Pure: the worker does the reading, writing and moving around it.
public struct ItemProcessor: Sendable {
    public let config: CrieurConfig
    public let calendar: CivilCalendar
    public let publishers: [Channel: any ChannelPublisher]

    public init(config: CrieurConfig, publishers: [any ChannelPublisher]) {
        self.config = config
        self.calendar = CivilCalendar(timeZone: config.timeZone)
        self.publishers = Dictionary(publishers.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public enum Outcome: Sendable {
        case reject([ItemProblem])
        case wait(until: Date)
        case expire(ended: Date)
        /// `unsupported` lists the item's channels this version cannot publish yet:
        /// the item is kept in `done/`, where those channels will find it.
        case publish(renderings: [Channel: ChannelRendering], unsupported: [Channel])
    }

    public func decide(_ item: Item, itemName: String, imageData: Data?, now: Date) -> Outcome {
        if let expires = item.expires, calendar.end(of: expires) < now {
            return .expire(ended: calendar.end(of: expires))
        }
        if let publication = item.publication, calendar.start(of: publication) > now {
            return .wait(until: calendar.start(of: publication))
        }
        let context = PublicationContext(
            now: now, calendar: calendar, config: config, itemName: itemName, imageData: imageData)
        var renderings: [Channel: ChannelRendering] = [:]
        var unsupported: [Channel] = []
        var problems: [ItemProblem] = []
        for channel in item.channels {
            guard let publisher = publishers[channel] else {
                unsupported.append(channel)
                continue
            }
            do {
                renderings[channel] = try publisher.render(item, context: context)
            } catch {
                problems += error.problems
            }
        }
        return problems.isEmpty ? .publish(renderings: renderings, unsupported: unsupported) : .reject(problems)
    }
}
