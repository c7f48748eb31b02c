import Foundation

/// Sends each new or changed bulletin draft to the commune's editor
/// (`bulletin.editorAddress`) through the newsletter's transport (the SMTP
/// relay, else the outbox folder), the `.odt` attached and the draft's summary
/// of lengths in the body, in French.
///
/// A draft is sent once per content: its delivery is recorded in the delivery
/// ledger under the issue `bulletin-AAAA-Tn-HASH` (hash of the draft's text,
/// without the day it was prepared) for the subscriber id `redaction-bulletin`
/// — never the address. A draft already sent, or refused for good (5xx), is not
/// sent again; a temporary failure is tried again at the next refresh, at most
/// `maxAttempts` times. A local failure (outbox not writable, a broken address)
/// throws: the worker logs it and the next refresh tries again.
public struct BulletinMailer: Sendable {
    public static let recipientID = "redaction-bulletin"
    /// Start of the ledger's issue ids (and file names) of the drafts sent:
    /// no newsletter issue id starts so (they are dates and `urgent-…`).
    public static let issuePrefix = "bulletin-"
    public let workspace: Workspace
    public let maxAttempts: Int
    /// The transport, opened only when a draft is to be sent.
    let transport: @Sendable () throws -> any MailTransport

    public init(workspace: Workspace, maxAttempts: Int = 10, transport: @escaping @Sendable () throws -> any MailTransport) {
        self.workspace = workspace
        self.maxAttempts = maxAttempts
        self.transport = transport
    }

    /// The mailer for the configured transport (`MailTransports.configured`).
    public static func configured(workspace: Workspace, smtp: SMTPSettings, environment: [String: String], clock: any Clock) -> BulletinMailer {
        BulletinMailer(workspace: workspace) {
            guard let first = try MailTransports.configured(settings: smtp, environment: environment, workspace: workspace, clock: clock).first
            else { throw DeliveryError.cannotStart("aucun transport") }
            return first
        }
    }

    /// The ledger's issue for this content of the draft.
    public static func issue(_ draft: BulletinDraft) -> String {
        var stable = draft
        stable.preparedOn = CivilDate(year: 2000, month: 1, day: 1)
        return "\(issuePrefix)\(draft.quarter)-\(ContentHash.hex(BulletinPlainText.render(stable)).prefix(12))"
    }

    /// Sends the draft unless this content was already delivered; returns the reply, or nil when nothing was sent.
    @discardableResult
    public func send(_ draft: BulletinDraft, odt: Data, to editor: String, context: PublicationContext) throws -> DeliveryReply? {
        let issue = Self.issue(draft)
        let log = DeliveryLog(workspace: workspace)
        let earlier = try log.records(issue: issue)
        if earlier.contains(where: { $0.result != .temporaryFailure }) || earlier.count >= maxAttempts { return nil }
        let config = context.config
        let from = try MailAddress(config.smtp.fromAddress ?? config.organisation.email, name: config.organisation.name)
        let message = MailMessage(
            from: from, to: try MailAddress(editor),
            replyTo: try (config.smtp.replyTo ?? (config.organisation.email.isEmpty ? nil : config.organisation.email)).map { address throws(MailMessageError) in try MailAddress(address) },
            subject: "\(draft.title) : les articles \(config.organisation.withDe)",
            date: context.now, timeZone: config.timeZone, messageID: MailMessage.makeMessageID(domain: from.domain),
            textBody: Self.text(draft, organisationWithDe: config.organisation.withDe),
            htmlBody: Self.html(draft, organisationWithDe: config.organisation.withDe),
            extraHeaders: [MailMessage.Header("Auto-Submitted", "auto-generated")])
        var withFile = message
        withFile.attachments = [MailMessage.Attachment(
            fileName: "\(draft.quarter).odt", contentType: "application/vnd.oasis.opendocument.text", data: odt)]
        let mail = OutgoingMail(sender: from.address, recipient: editor, data: try withFile.encoded(), messageID: message.messageID)
        let reply = try transport().send(mail)
        try log.record(DeliveryRecord(issue: issue, subscriber: Self.recipientID, attempt: earlier.count + 1, reply: reply, time: context.now))
        return reply
    }

    /// The message: who sends what (`organisationWithDe`: « du CPAS de Soumagne »), the summary of lengths, what is attached.
    static func lines(_ draft: BulletinDraft, organisationWithDe: String) -> [String] {
        ["Bonjour,",
         "",
         "Voici les articles \(organisationWithDe) pour le bulletin communal du \(draft.quarter.frenchName), "
            + "dans le fichier joint \(draft.quarter).odt (à ouvrir avec LibreOffice ou Word).",
         "",
         "En résumé :"]
            + draft.summary.map { "- " + $0 }
            + ["", "Ce message est envoyé par Crieur dès que le brouillon change : le dernier reçu est le bon.",
               "Pour toute question, répondez à ce message."]
    }

    static func text(_ draft: BulletinDraft, organisationWithDe: String) -> String {
        lines(draft, organisationWithDe: organisationWithDe).joined(separator: "\n") + "\n"
    }

    static func html(_ draft: BulletinDraft, organisationWithDe: String) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(draft.title))</title></head><body>\n"
        var list = false
        for line in lines(draft, organisationWithDe: organisationWithDe) {
            if line.hasPrefix("- ") {
                if !list { html += "<ul>\n"; list = true }
                html += "<li>\(HTML.escape(String(line.dropFirst(2))))</li>\n"
                continue
            }
            if list { html += "</ul>\n"; list = false }
            if !line.isEmpty { html += "<p>\(HTML.escape(line))</p>\n" }
        }
        if list { html += "</ul>\n" }
        return html + "</body></html>\n"
    }
}
