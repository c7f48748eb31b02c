import Foundation

/// Reads an announcement file (bytes and its name) into a validated `Item`.
///
/// Plain-text items are a header of `Key: value` lines, a line `---`, then the
/// body; `.json` items carry the same fields. Pure: no file is opened here.
///
/// On failure it throws one `ItemRejection` listing every problem found, each
/// in French with its line, what is wrong and how a CPAS employee can fix it.
/// Nothing it is given can make it crash.
public struct ItemParser: Sendable {
    /// Larger files are refused before decoding.
    public var maxBytes: Int

    public init(maxBytes: Int = 1_048_576) {
        self.maxBytes = maxBytes
    }

    /// The announcement in `data`; a file without a header is refused because it
    /// has neither title nor channels.
    public func parse(_ data: Data, fileName: String) throws(ItemRejection) -> Item {
        let document = try parseDocument(data, fileName: fileName)
        guard let item = document.item else {
            throw ItemRejection([Self.missingTitle(line: 1, format: .text), Self.missingChannels(line: 1, format: .text)])
        }
        return item
    }

    /// The announcement in `data`, or its plain text when it has no header.
    public func parseDocument(_ data: Data, fileName: String) throws(ItemRejection) -> ItemDocument {
        let decoded = try TextDecoding.decodeCollecting(data, maxBytes: maxBytes)
        var problems = decoded.problems
        let document: ItemDocument?
        if fileName.lowercased().hasSuffix(".json") {
            document = Self.jsonDocument(decoded.text, problems: &problems)
        } else {
            document = Self.textDocument(decoded.text, problems: &problems)
        }
        guard let document, problems.isEmpty else { throw ItemRejection(Self.inFileOrder(problems)) }
        return document
    }

    /// Where an item's fields came from, so that messages name the right place.
    enum SourceFormat {
        case text, json
    }

    /// Staff's own words in a message, cut short so a runaway line cannot flood the report.
    static func quote(_ text: String) -> String {
        text.count <= 60 ? "« \(text) »" : "« \(text.prefix(57))… »"
    }

    /// More problems than this are summed up in one: a file of 100,000 wrong header
    /// lines gets a report staff can read, and costs no more to write than a short one.
    static let maxProblemsListed = 50

    /// Problems sorted by line, those without a line last, otherwise in the order found;
    /// beyond `maxProblemsListed`, one last problem counts the others.
    private static func inFileOrder(_ problems: [ItemProblem]) -> [ItemProblem] {
        let sorted = problems.enumerated()
            .sorted { ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset) }
            .map(\.element)
        guard sorted.count > maxProblemsListed else { return sorted }
        let listed = sorted.prefix(maxProblemsListed - 1)
        let rest = sorted.count - listed.count
        return Array(listed) + [ItemProblem(
            line: nil,
            message: "\(rest) autres problèmes ne sont pas détaillés ici.",
            fix: "Corrigez d'abord ceux de la liste : les autres sont souvent de la même sorte ; "
                + "vérifiez ensuite le fichier à nouveau.")]
    }
}
