import Foundation

/// Who receives an issue: the subscribers of the configured lists who had
/// consent when the issue was planned (its slot, or later when the sender
/// froze it late) (a person who subscribes later does not
/// get old issues) and still have it now. An address on several lists gets
/// the issue once, as its first subscription in the ledger. An address « en
/// échec » after bounces (`failures`) gets nothing, consent or not. Pure.
public enum NewsletterAudience {
    public static func recipients(of issue: NewsletterIssueRecord, state: ConsentState, lists: [String],
                                  failures: AddressFailures = .none) -> [NewsletterRecipient] {
        recipients(state: state, lists: lists) { subscriber in
            (subscriber.confirmedAt ?? subscriber.subscribedAt) <= max(issue.scheduledFor, issue.plannedAt ?? issue.scheduledFor)
                && !failures.isFailing(subscriber.id)
        }
    }

    /// Everyone with consent now, addresses en échec left out (the preview's count).
    public static func current(state: ConsentState, lists: [String], failures: AddressFailures = .none) -> [NewsletterRecipient] {
        recipients(state: state, lists: lists) { !failures.isFailing($0.id) }
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
