import CrieurKit

/// `crieur list [--format text|json]`: current, scheduled, expired and withdrawn
/// items with their identities, so staff can find what to correct or withdraw.
enum ListCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let (json, rest) = try Dispatcher.format(args)
        guard rest.isEmpty else { throw CommandError.usage("Utilisation : crieur list [--format text|json]") }
        let config = try options.loadConfig()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let listing = try ItemListing.read(
            options.workspace, parser: ItemParser(maxBytes: config.queue.maxItemBytes),
            now: try options.clock(config).now(), calendar: calendar)
        if json {
            Console.out(try Console.json(listing))
        } else {
            Console.out(String(listing.text().dropLast()))
        }
        return .success
    }
}
