import Foundation

/// Who receives an issue: the subscribers of the configured lists who had
/// consent when the issue was planned (its slot, or later when the sender
/// froze it late) (a person who subscribes later does not
/// get old issues) and still have it now. An address on several lists gets
/// the issue once, as its first subscription in the ledger. Pure.
public enum NewsletterAudience {
    public static func recipients(of issue: NewsletterIssueRecord, state: ConsentState, lists: [String]) -> [NewsletterRecipient] {
        recipients(state: state, lists: lists) { subscriber in
            (subscriber.confirmedAt ?? subscriber.subscribedAt) <= max(issue.scheduledFor, issue.plannedAt ?? issue.scheduledFor)
        }
    }

    /// Everyone with consent now (the preview's count).
    public static func current(state: ConsentState, lists: [String]) -> [NewsletterRecipient] {
        recipients(state: state, lists: lists) { _ in true }
    }

    private static func recipients(state: ConsentState, lists: [String], _ include: (Subscriber) -> Bool) -> [NewsletterRecipient] {
        let wanted = Set(lists)
        var seen: Set<String> = []
        return state.all.compactMap { subscriber in
            guard wanted.contains(subscriber.list), subscriber.isActive, include(subscriber),
                  let address = subscriber.address, let token = subscriber.unsubscribeToken,
                  seen.insert(address.lowercased()).inserted else { return nil }
            return NewsletterRecipient(id: subscriber.id, address: address, name: subscriber.name, token: token)
        }
    }
}
