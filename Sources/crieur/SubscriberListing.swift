import CrieurKit
import Foundation

/// How `crieur subscribers list` shows subscribers: a table for people, JSON for scripts.
enum SubscriberListing {
    /// `failures`: addresses « en échec » after bounces, shown in the state column.
    static func text(_ subscribers: [Subscriber], calendar: CivilCalendar, failures: AddressFailures = .none) -> String {
        guard !subscribers.isEmpty else { return "Aucun abonné." }
        func day(_ date: Date?) -> String { date.map { String(calendar.timestamp($0).prefix(16)) } ?? "" }
        var rows = [["ID", "LISTE", "ÉTAT", "INSCRIT LE", "CONFIRMÉ LE", "RETIRÉ LE", "ADRESSE", "NOM"]]
        for s in subscribers {
            rows.append([s.id, s.list, s.state.french + (failures.isFailing(s.id) ? ", adresse en échec" : ""), day(s.subscribedAt), day(s.confirmedAt),
                         day(s.withdrawnAt ?? s.erasedAt), s.address ?? "", s.name ?? ""])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let count = { (state: Subscriber.State) in subscribers.filter { $0.state == state }.count }
        lines.append("")
        lines.append("\(count(.confirmed)) inscrit(s), \(count(.pending)) en attente, \(count(.withdrawn)) désinscrit(s), \(count(.erased)) effacé(s).")
        let failing = subscribers.filter { failures.isFailing($0.id) && ($0.state == .confirmed || $0.state == .pending) }.count
        if failing > 0 {
            lines.append("\(failing) inscription(s) sur une adresse en échec (retours de la boîte aux lettres) : la lettre ne leur est plus "
                + "envoyée ; une nouvelle inscription confirmée de l'adresse la remet.")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ subscribers: [Subscriber], failures: AddressFailures = .none) throws -> Data {
        struct Row: Encodable {
            var id, list, state: String
            var failingAddress: Bool
            var address, name, source, wording: String?
            var subscribedAt: Date
            var confirmedAt, withdrawnAt, erasedAt: Date?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(subscribers.map {
            Row(id: $0.id, list: $0.list, state: $0.state.rawValue, failingAddress: failures.isFailing($0.id), address: $0.address, name: $0.name, source: $0.source,
                wording: $0.wording, subscribedAt: $0.subscribedAt, confirmedAt: $0.confirmedAt,
                withdrawnAt: $0.withdrawnAt, erasedAt: $0.erasedAt)
        })
    }
}
