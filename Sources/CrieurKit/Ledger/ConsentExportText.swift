import Foundation

/// `crieur consent export ADDRESS --format text`: what the centre holds about
/// a person, in plain French for that person (right of access, RGPD art. 15):
/// their subscriptions, every consent event with its proof, how many letters
/// were sent to them, their withdrawals, and what they can do next. Times are
/// the centre's local time (« le 3 décembre 2026 à 14 h 05 »). Personal
/// tokens are left out: the text may be printed or mailed. Pure.
public enum ConsentExportText {
    public static func render(_ records: AddressRecords, settings: NewsletterSettings, organisation: CrieurConfig.Organisation,
                              calendar: CivilCalendar) -> String {
        func time(_ instant: Date) -> String { calendar.frenchRecordTime(instant) }
        func list(_ name: String) -> String { "« \(settings.list(named: name)?.title ?? name) »" }
        var lines = [
            "Données gardées \(organisation.withDe) sur l'adresse \(records.address.value)",
            "Relevé établi \(time(records.exportedAt)) (heure de Belgique).",
            "",
        ]
        if records.ledgerDamaged {
            lines += ["Attention : une partie du registre des consentements est abîmée ; ce relevé peut être incomplet.", ""]
        }

        lines.append("Vos inscriptions")
        if records.subscriptions.isEmpty {
            lines.append("- Aucune : cette adresse n'est inscrite à aucune liste.")
        }
        for subscriber in records.subscriptions {
            let state: String
            switch subscriber.state {
            case .pending: state = "inscription en attente de votre confirmation (demandée \(time(subscriber.subscribedAt)))"
            case .confirmed: state = "inscription \(time(subscriber.confirmedAt ?? subscriber.subscribedAt)) : vous recevez cette lettre"
            case .withdrawn: state = "désinscription" + (subscriber.withdrawnAt.map { " \(time($0))" } ?? "") + " : vous ne recevez plus cette lettre"
            case .erased: state = "données effacées"
            }
            lines.append("- Lettre \(list(subscriber.list)) : \(state).")
            if let name = subscriber.name, !name.isEmpty { lines.append("  Nom gardé : \(name).") }
        }
        lines.append("")

        lines.append("Historique de votre accord, avec sa preuve")
        if records.events.isEmpty { lines.append("- Aucun événement enregistré.") }
        for entry in records.events {
            lines.append("- \(time(entry.event.time)) : \(describe(entry.event, list: list(entry.event.list))).")
        }
        lines.append("")

        let withdrawals = records.events.filter { $0.event.kind == .withdrawn }
        lines.append("Vos désinscriptions")
        if withdrawals.isEmpty { lines.append("- Aucune.") }
        for entry in withdrawals {
            lines.append("- \(time(entry.event.time)) : lettre \(list(entry.event.list))\(entry.event.source.map { ", \(proof($0))" } ?? "").")
        }
        lines.append("")

        lines.append("Lettres envoyées à cette adresse")
        lines += deliveryLines(records.deliveries, time: time)
        if !records.outboxMessages.isEmpty {
            lines.append("- Copies de messages gardées par le centre : \(records.outboxMessages.count).")
        }
        lines.append("")

        if let failing = records.failing {
            lines += ["Adresse en échec depuis \(time(failing.since)) : les lettres envoyées à cette adresse ne sont pas arrivées"
                      + " (\(records.bounces.count) retour(s) d'erreur). Le centre ne vous écrit plus à cette adresse ;"
                      + " une nouvelle inscription confirmée la remet en service. Votre accord, lui, n'est pas retiré.", ""]
        }
        if records.suppressed {
            lines += ["Votre adresse est sur la liste d'opposition : le centre ne peut plus l'inscrire par erreur.", ""]
        }
        if !records.holds.isEmpty {
            lines += ["Envoi suspendu : \(records.holds.count) décision(s) attendent une vérification par le centre ; rien ne vous est envoyé d'ici là.", ""]
        }
        var contact = "Pour vous désinscrire, corriger ou faire effacer ces données, adressez-vous \(contactName(organisation))"
        if !organisation.phone.isEmpty { contact += " au \(organisation.phone)" }
        if !organisation.email.isEmpty { contact += (organisation.phone.isEmpty ? " à " : " ou à ") + organisation.email }
        lines.append(contact + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    /// « au CPAS de Soumagne », « à la Commune de Blegny », « à l'Espace social »: « à » contracted like « de ».
    static func contactName(_ organisation: CrieurConfig.Organisation) -> String {
        let withDe = organisation.withDe
        for (de, to) in [("du ", "au "), ("des ", "aux "), ("de la ", "à la "), ("de l'", "à l'"), ("de l’", "à l’"), ("d'", "à "), ("d’", "à "), ("de ", "à ")]
        where withDe.hasPrefix(de) {
            return to + withDe.dropFirst(de.count)
        }
        return "à \(organisation.name)"
    }

    static func describe(_ event: ConsentEvent, list: String) -> String {
        var text: String
        switch event.kind {
        case .subscribed:
            text = "inscription à la lettre \(list)" + (event.status == .pending ? ", en attente de confirmation" : "")
        case .confirmed:
            text = "inscription confirmée à la lettre \(list)"
        case .withdrawn:
            text = "désinscription de la lettre \(list)"
        case .erased:
            text = "données effacées pour la lettre \(list)"
        }
        if let source = event.source, !source.isEmpty { text += " — \(proof(source))" }
        if let wording = event.wording, !wording.isEmpty { text += ", texte d'accord version \(wording)" }
        return text
    }

    static func proof(_ source: String) -> String { "preuve : \(source)" }

    /// How many letters reached the address, which failed, and the last one.
    static func deliveryLines(_ lines: [Data], time: (Date) -> String) -> [String] {
        let decoder = JSONDecoder()
        let records = lines.compactMap { try? decoder.decode(DeliveryRecord.self, from: $0) }
        // The confirmation e-mail is recorded like an issue; it is counted on its own.
        let confirmations = records.filter { $0.issue == NewsletterSender.confirmationIssue && $0.result == .sent }
        let letters = records.filter { $0.issue != NewsletterSender.confirmationIssue }
        let sent = letters.filter { $0.result == .sent }
        let refused = letters.filter { $0.result == .permanentFailure }
        var out: [String] = []
        out.append(sent.isEmpty ? "- Aucune lettre envoyée." : "- \(sent.count) lettre\(sent.count > 1 ? "s" : "") envoyée\(sent.count > 1 ? "s" : "").")
        if let last = sent.compactMap({ DeliveryHistory.date($0.time) }).max() {
            out.append("- Dernier envoi : \(time(last)).")
        }
        if !confirmations.isEmpty {
            out.append("- E-mail de confirmation d'inscription envoyé : \(confirmations.count) fois.")
        }
        if !refused.isEmpty {
            out.append("- Envois refusés par votre messagerie : \(refused.count).")
        }
        return out
    }
}
