import Foundation

/// Finds whose message a bounce is about, and which delivery it answers. Pure.
///
/// In order of trust: the returned message's `Message-ID`, recorded with each
/// delivery (`DeliveryRecord.messageID`); the unsubscribe token of its
/// `List-Unsubscribe`, which names the subscription whatever the remote server
/// did to the address; the failed address itself. The last two are matched to
/// the latest message the relay accepted for that subscription.
enum BounceMatcher {
    struct Match: Sendable, Equatable {
        /// The subscriptions the bounce is about (one, except an address on several lists matched by address).
        var subscribers: [String]
        /// The delivery's issue, when one was found.
        var issue: String?
        /// `message-id`, `jeton` or `adresse`.
        var how: String
    }

    static func match(_ bounce: IncomingMail.Bounce, state: ConsentState, deliveries: [DeliveryRecord]) -> Match? {
        if let id = bounce.originalMessageID?.trimmingCharacters(in: .whitespaces), !id.isEmpty,
           let record = deliveries.last(where: { $0.messageID == id }) {
            return Match(subscribers: [record.subscriber], issue: record.issue, how: "message-id")
        }
        if let token = bounce.token, let subscriber = state.subscriber(unsubscribeToken: token), subscriber.state != .erased {
            return Match(subscribers: [subscriber.id], issue: latestSent(to: [subscriber.id], in: deliveries)?.issue, how: "jeton")
        }
        if let recipient = bounce.recipient, let address = try? EmailAddress(validating: recipient) {
            let ids = state.subscribers(address: address).filter { $0.state != .erased }.map(\.id)
            guard !ids.isEmpty else { return nil }
            let latest = latestSent(to: Set(ids), in: deliveries)
            return Match(subscribers: latest.map { [$0.subscriber] } ?? ids, issue: latest?.issue, how: "adresse")
        }
        return nil
    }

    private static func latestSent(to ids: Set<String>, in deliveries: [DeliveryRecord]) -> DeliveryRecord? {
        deliveries.filter { $0.result == .sent && ids.contains($0.subscriber) }.max { $0.time < $1.time }
    }

    /// The remote server's words with every address in them replaced by « [adresse] ».
    static func withoutAddresses(_ text: String) -> String {
        func isAddressCharacter(_ character: Character) -> Bool {
            !"<>()\",;:[]".contains(character)
        }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard let at = word.firstIndex(of: "@") else { return String(word) }
            var start = at
            while start > word.startIndex, isAddressCharacter(word[word.index(before: start)]) { start = word.index(before: start) }
            var end = word.index(after: at)
            while end < word.endIndex, isAddressCharacter(word[end]) { end = word.index(after: end) }
            return String(word[..<start]) + "[adresse]" + withoutAddresses(String(word[end...]))
        }.joined(separator: " ")
    }
}
