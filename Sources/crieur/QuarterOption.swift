import CrieurKit

/// `--quarter AAAA-Tn` (or `--trimestre`), the only arguments of the commands
/// that work on a quarter; anything else is a usage error in French.
enum QuarterOption {
    static func parse(_ args: [String], usage: String) throws -> Quarter {
        guard args.count == 2, args[0] == "--quarter" || args[0] == "--trimestre" else { throw CommandError.usage(usage) }
        do {
            return try Quarter.parse(args[1])
        } catch {
            throw CommandError.usage(error.description)
        }
    }
}
