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

    /// Problems sorted by line, those without a line last, otherwise in the order found.
    private static func inFileOrder(_ problems: [ItemProblem]) -> [ItemProblem] {
        problems.enumerated()
            .sorted { ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset) }
            .map(\.element)
    }
}
