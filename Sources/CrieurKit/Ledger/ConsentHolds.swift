import Foundation

/// Subscribers kept out of every send because a line set aside from a damaged
/// consent ledger may have been their withdrawal, until a person decides:
/// `data/consent.holds.jsonl`, one JSON object per line, only appended.
///
/// ```
/// {"kind":"held","hold":"r-1a2b3c4d","line":7,"subscribers":["s-…"],"addresses":["jean@example.be"],"time":"…"}
/// {"kind":"released","hold":"r-1a2b3c4d","time":"…","decision":"…"}
/// ```
///
/// A hold that names nobody (the line is too damaged to tell whose it was)
/// holds everyone: the newsletter stops (`ConsentUncertainty.undecidedLine`).
/// Pure replay here; `ConsentLedger+Repair` writes the file.
public struct ConsentHolds: Sendable, Equatable {
    public static let fileName = "consent.holds.jsonl"

    public struct Hold: Sendable, Equatable, Codable {
        public var id: String
        /// The line's number in the damaged ledger (and where it is in `consent.damaged`).
        public var line: Int
        public var subscribers: [String]
        /// Address keys (lower case) found in the line.
        public var addresses: [String]
        public var time: Date
        /// The set-aside line as text (invisible characters shown as �), for the person who decides.
        public var text: String

        /// True when the line named nobody Crieur can recognise.
        public var namesNobody: Bool { subscribers.isEmpty && addresses.isEmpty }
    }

    struct Record: Codable {
        enum Kind: String, Codable { case held, released }
        var kind: Kind
        var hold: String
        var line: Int?
        var subscribers: [String]?
        var addresses: [String]?
        var time: Date
        var text: String?
        /// How a person decided: « pas une désinscription », « désinscription refaite ».
        var decision: String?
    }

    /// Holds not yet released, in the order they were made.
    public private(set) var open: [Hold] = []

    public init() {}

    mutating func apply(_ record: Record) {
        switch record.kind {
        case .held:
            guard !open.contains(where: { $0.id == record.hold }) else { return }
            open.append(Hold(id: record.hold, line: record.line ?? 0, subscribers: record.subscribers ?? [],
                             addresses: record.addresses ?? [], time: record.time, text: record.text ?? ""))
        case .released:
            open.removeAll { $0.id == record.hold }
        }
    }

    /// True when the subscriber, or their address, is held.
    public func holds(subscriber id: String, address: String?) -> Bool {
        let key = address.map(EmailAddress.key(of:))
        return open.contains { $0.subscribers.contains(id) || (key.map($0.addresses.contains) ?? false) }
    }

    /// The first hold that names nobody: while it is open nothing may be sent.
    public var blockingEveryone: Hold? { open.first(where: \.namesNobody) }

    // MARK: - Reading a damaged line

    /// The line as text for a terminal: invalid UTF-8 and invisible characters
    /// become �, and a very long line is cut (the whole is in `consent.damaged`).
    public static func displayable(_ bytes: Data) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? "\u{FFFD}" : $0
        }))
        return visible.count > 400 ? String(visible.prefix(400)) + "…" : visible
    }

    /// What a set-aside line tells about whose it was.
    struct LineClues: Equatable {
        var subscribers: [String]
        var addresses: [String]
        /// False only when the line is plainly a subscription or a confirmation:
        /// losing one of those sends less mail, never more.
        var mayBeWithdrawal: Bool
    }

    /// Subscriber ids (`s-` and 16 hex digits) and addresses found in the raw
    /// bytes, and whether the line may have been a withdrawal (or an erasure).
    static func clues(in bytes: Data) -> LineClues {
        let text = String(decoding: bytes, as: UTF8.self)
        var ids: [String] = []
        var addresses: [String] = []
        let separators = CharacterSet(charactersIn: "\"'<>,;:()[]{} \t\\").union(.controlCharacters)
        for token in text.components(separatedBy: separators) where !token.isEmpty {
            if token.count == 18, token.hasPrefix("s-"), token.dropFirst(2).allSatisfy(\.isHexDigit) {
                if !ids.contains(token) { ids.append(token) }
            } else if token.contains("@"), let address = try? EmailAddress(validating: token), !addresses.contains(address.key) {
                addresses.append(address.key)
            }
        }
        let plainKinds = [#""kind":"subscribed""#, #""kind":"confirmed""#]
        let risky = ["withdrawn", "erased"]
        let plain = plainKinds.contains { text.contains($0) } && !risky.contains { text.contains($0) }
        return LineClues(subscribers: ids, addresses: addresses, mayBeWithdrawal: !plain)
    }
}
