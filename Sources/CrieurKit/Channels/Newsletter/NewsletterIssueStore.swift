import Foundation

/// `out/newsletter/issues/ID.json`: every issue ever planned. An issue is
/// written durably before its first message goes out and never changed after;
/// what was delivered to whom is in the delivery ledger, not here.
/// A damaged file is reported by `load()` and kept.
public struct NewsletterIssueStore: Sendable {
    public let folder: OutputFolder

    public init(folder: OutputFolder) {
        self.folder = folder
    }

    public func load() throws -> (issues: [NewsletterIssueRecord], unreadable: [String]) {
        var issues: [NewsletterIssueRecord] = []
        var unreadable: [String] = []
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for name in try folder.names() where name.hasSuffix(".json") {
            guard let data = try folder.read(name, maxBytes: 1 << 20),
                  let issue = try? decoder.decode(NewsletterIssueRecord.self, from: data) else {
                unreadable.append(name)
                continue
            }
            issues.append(issue)
        }
        issues.sort { ($0.scheduledFor, $0.id) < ($1.scheduledFor, $1.id) }
        return (issues, unreadable)
    }

    /// Records a new issue. Writing the same issue again is harmless.
    public func save(_ issue: NewsletterIssueRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try folder.write(OutputFile(name: "\(issue.id).json", data: try encoder.encode(issue) + Data("\n".utf8),
                                    keepOthers: false))
    }
}
