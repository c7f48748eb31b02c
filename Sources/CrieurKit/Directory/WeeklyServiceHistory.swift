import Foundation

/// The record of past « services de la semaine », which the rotation reads to
/// be fair: `out/directory/semaine/historique.json`, a JSON list, oldest first.
///
/// It lives in `out/`, beside the bottin, like the archive of
/// published items (`out/archive/`): it is a public record of what was
/// published, with no personal data, so it stays out of `data/`, which holds
/// personal data only. Losing it costs fairness, not information: the
/// rotation starts again from the entries never shown.
///
/// Written durably (temporary name, fsync, rename); a damaged file is never
/// overwritten: reading it throws a French error naming it.
public struct WeeklyServiceHistory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public static func of(_ workspace: Workspace) -> WeeklyServiceHistory {
        WeeklyServiceHistory(path: workspace.path("out/directory/semaine/historique.json"))
    }

    public struct Damaged: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String {
            "L'historique des services de la semaine (\(path)) est abîmé : il n'est pas modifié. "
                + "Corrigez-le, ou déplacez-le ailleurs pour recommencer la rotation depuis le début."
        }
    }

    public func read() throws -> [WeeklyRotation.Shown] {
        guard try FileSystem.info(path) != nil else { return [] }
        guard case .contents(let data) = try FileSystem.read(path, maxBytes: 16 * 1_048_576),
              let shown = try? JSONDecoder().decode([WeeklyRotation.Shown].self, from: data)
        else { throw Damaged(path: path) }
        return shown
    }

    public func append(_ shown: WeeklyRotation.Shown) throws {
        let all = try read() + [shown]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileSystem.makeDirectory(FileSystem.parent(of: path))
        try FileSystem.writeDurably(try encoder.encode(all) + Data("\n".utf8), to: path)
    }
}
