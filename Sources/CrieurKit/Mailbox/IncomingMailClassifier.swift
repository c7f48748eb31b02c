import Foundation

/// Sorts a message read from the mailbox (`IncomingMail`): a pure function of
/// its bytes, bounded and linear like the parser under it (`MIMEEntity`).
///
/// - A bounce is an RFC 3464 report (`message/delivery-status`, which Microsoft
///   365 and Gmail send too), else a message from a mailer daemon or with
///   `X-Failed-Recipients` whose text holds the status. The returned message's
///   header (`text/rfc822-headers` or `message/rfc822`) gives the unsubscribe
///   token of its `List-Unsubscribe`: that names the subscriber, whatever the
///   remote server did to the address.
/// - An unsubscribe is the subject of the `List-Unsubscribe` mailto
///   (`desinscription TOKEN`) or a reply whose subject, or own short text, says
///   « désinscription » / « désabonner ». Automatic replies never are.
/// - Everything else is for a person.
///
/// Throws `MIMEParseError` for a message it will not read.
public enum IncomingMailClassifier {
    public static func classify(_ bytes: [UInt8], limits: MIMELimits = MIMELimits()) throws(MIMEParseError) -> IncomingMail {
        let message = try MIMEEntity.parse(bytes, limits: limits)
        let entities = message.allEntities
        if entities.contains(where: { $0.contentType == "message/delivery-status" || $0.contentType == "message/global-delivery-status" }) {
            // A report without failure or delay says the message arrived (delivered, relayed).
            return try reportBounce(entities, limits: limits).map(IncomingMail.bounce) ?? .forPerson
        }
        if let bounce = textBounce(message, entities: entities) { return .bounce(bounce) }
        if let request = unsubscribe(message, entities: entities) { return .unsubscribe(request) }
        return .forPerson
    }

    // MARK: Bounces

    private static func reportBounce(_ entities: [MIMEEntity], limits: MIMELimits) throws(MIMEParseError) -> IncomingMail.Bounce? {
        guard let report = entities.first(where: {
            $0.contentType == "message/delivery-status" || $0.contentType == "message/global-delivery-status"
        }) else { return nil }
        // Per-message fields, then one group of fields per recipient, separated by empty lines.
        let body = report.decodedBody
        var groups: [[MIMEEntity.Field]] = []
        var index = 0
        while index < body.count, groups.count < limits.maxParts {
            let (fields, next) = try MIMEEntity.parseFields(body[index...], limits: limits)
            if !fields.isEmpty { groups.append(fields) }
            index = max(next, index + 1)
        }
        func value(_ name: String, in group: [MIMEEntity.Field]) -> String? {
            group.first { $0.name.lowercased() == name }?.value
        }
        for group in groups.dropFirst(groups.count > 1 ? 1 : 0) {
            let action = (value("action", in: group) ?? "").lowercased()
            let status = value("status", in: group).flatMap(statusCode)
            let severity: IncomingMail.Bounce.Severity
            if action == "failed" {
                severity = status?.hasPrefix("4") == true ? .temporary : .permanent
            } else if action == "delayed" {
                severity = .temporary
            } else {
                continue
            }
            let recipient = (value("final-recipient", in: group) ?? value("original-recipient", in: group)).map(addressOfTypedField)
            let diagnostic = value("diagnostic-code", in: group).map(addressOfTypedField) ?? ""
            let original = originalHeader(entities, limits: limits)
            return IncomingMail.Bounce(
                severity: severity, format: .deliveryStatus, recipient: recipient, status: status,
                diagnostic: String(diagnostic.prefix(300)), token: original.token, originalMessageID: original.messageID)
        }
        return nil
    }

    private static let bounceSubjects = [
        "undeliverable", "undelivered", "non remis", "delivery status notification", "mail delivery failed",
        "returned mail", "failure notice", "delivery failure", "remise impossible", "echec de la remise",
    ]

    private static func textBounce(_ message: MIMEEntity, entities: [MIMEEntity]) -> IncomingMail.Bounce? {
        let from = folded(message.field("From") ?? "")
        let subject = folded(MIMEDecoding.decodedWords(message.field("Subject") ?? ""))
        let failed = message.field("X-Failed-Recipients")
        let fromDaemon = from.contains("mailer-daemon") || from.contains("postmaster") || from.contains("mail delivery")
        guard failed != nil || (fromDaemon && bounceSubjects.contains(where: subject.contains)) else { return nil }
        let texts = entities.filter { $0.contentType == "text/plain" || $0.contentType == "text/html" }.prefix(4)
        var status: String?
        var diagnostic = ""
        for entity in texts where status == nil {
            let text = entity.text
            if let found = firstStatusCode(in: text) {
                status = found.code
                diagnostic = found.line
            }
        }
        let severity: IncomingMail.Bounce.Severity
        if let status {
            severity = status.hasPrefix("5") ? .permanent : .temporary
        } else {
            severity = subject.contains("delay") || subject.contains("retard") || subject.contains("warning") ? .temporary : .permanent
        }
        let recipient = failed.flatMap { $0.split(separator: ",").first }.map { String($0).trimmingCharacters(in: .whitespaces) }
        var token: String?
        var messageID: String?
        for entity in entities where entity.contentType == "text/plain" || entity.contentType == "text/rfc822-headers" {
            if token == nil { token = unsubscribeToken(inHeaderText: entity.text) }
        }
        let original = originalHeader(entities, limits: MIMELimits())
        token = original.token ?? token
        messageID = original.messageID
        return IncomingMail.Bounce(severity: severity, format: .text, recipient: recipient, status: status,
                                   diagnostic: String(diagnostic.prefix(300)), token: token, originalMessageID: messageID)
    }

    /// The token and Message-ID of the returned message's header, when the report includes it.
    private static func originalHeader(_ entities: [MIMEEntity], limits: MIMELimits) -> (token: String?, messageID: String?) {
        for entity in entities {
            var fields: [MIMEEntity.Field]?
            if entity.contentType == "text/rfc822-headers" || entity.contentType == "message/rfc822-headers" {
                fields = try? MIMEEntity.parseFields(entity.decodedBody[...], limits: limits).fields
            } else if entity.contentType == "message/rfc822" || entity.contentType == "message/global" {
                fields = entity.parts.first?.fields
            }
            guard let fields else { continue }
            let unsubscribe = fields.first { $0.name.lowercased() == "list-unsubscribe" }?.value
            let messageID = fields.first { $0.name.lowercased() == "message-id" }?.value
            let token = unsubscribe.flatMap(unsubscribeToken(inHeaderText:))
            if token != nil || messageID != nil {
                return (token, messageID.map(withoutBrackets))
            }
        }
        return (nil, nil)
    }

    /// `rfc822; jean@example.be` → `jean@example.be`; `smtp; 550 …` → `550 …`.
    private static func addressOfTypedField(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmingCharacters(in: .whitespaces) }
        return value[value.index(after: semicolon)...].trimmingCharacters(in: .whitespaces)
    }

    /// `5.1.1` from `5.1.1 (bad destination mailbox)`.
    private static func statusCode(_ value: String) -> String? {
        let code = value.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let pieces = code.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 3, ["2", "4", "5"].contains(pieces[0]), pieces.allSatisfy({ (1...3).contains($0.count) }) else { return nil }
        return String(code)
    }

    /// The first `4.x.x` or `5.x.x` code of a bounce's text, with its line.
    private static func firstStatusCode(in text: String) -> (code: String, line: String)? {
        for line in text.split(whereSeparator: \.isNewline).prefix(400) {
            let scalars = Array(line.unicodeScalars.prefix(2000))
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                let atWordStart = index == 0 || !(scalars[index - 1].properties.isAlphabetic || ("0"..."9").contains(scalars[index - 1]) || scalars[index - 1] == ".")
                if atWordStart, scalar == "4" || scalar == "5" {
                    var end = index
                    while end < scalars.count, end - index < 12, ("0"..."9").contains(scalars[end]) || scalars[end] == "." { end += 1 }
                    let candidate = String(String.UnicodeScalarView(scalars[index..<end]))
                    if let code = statusCode(candidate), code == candidate {
                        return (code, String(line).trimmingCharacters(in: .whitespaces))
                    }
                    index = max(end, index + 1)
                    continue
                }
                index += 1
            }
        }
        return nil
    }

    /// The token of `…?subject=desinscription%20TOKEN` or `…?jeton=TOKEN` in a header's text.
    static func unsubscribeToken(inHeaderText text: String) -> String? {
        for marker in ["desinscription%20", "jeton="] {
            var rest = Substring(text)
            while let range = rest.range(of: marker, options: .caseInsensitive) {
                let token = rest[range.upperBound...].prefix(while: isTokenCharacter)
                if (16...128).contains(token.count) { return String(token) }
                rest = rest[range.upperBound...]
            }
        }
        return nil
    }

    private static func isTokenCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }

    // MARK: Unsubscribe requests

    private static func unsubscribe(_ message: MIMEEntity, entities: [MIMEEntity]) -> IncomingMail.UnsubscribeRequest? {
        if let auto = message.field("Auto-Submitted"), auto.lowercased() != "no" { return nil }
        if message.field("X-Autoreply") != nil || message.field("X-Autorespond") != nil { return nil }
        let from = message.field("From").map(bareAddress)
        let messageID = message.field("Message-ID").map(withoutBrackets)
        let subject = folded(MIMEDecoding.decodedWords(message.field("Subject") ?? ""))
        // The mailto's subject: `desinscription TOKEN`, perhaps after « Re: » or « TR : ».
        if let range = subject.range(of: "desinscription ") {
            let token = subject[range.upperBound...].drop { $0 == " " }.prefix(while: isTokenCharacter)
            if (16...128).contains(token.count) {
                // The subject was folded to lower case: take the token as written.
                let original = MIMEDecoding.decodedWords(message.field("Subject") ?? "")
                // A case-insensitive match may span other letters (« ß » matches « ss »): keep it only
                // when it is itself a well-formed token.
                if let exact = original.range(of: String(token), options: .caseInsensitive),
                   original[exact].allSatisfy(isTokenCharacter), (16...128).contains(original[exact].count) {
                    return .init(token: String(original[exact]), from: from, messageID: messageID)
                }
            }
        }
        if saysUnsubscribe(subject) { return .init(token: nil, from: from, messageID: messageID) }
        if let plain = entities.first(where: { $0.contentType == "text/plain" }), saysUnsubscribe(ownText(plain.text)) {
            return .init(token: nil, from: from, messageID: messageID)
        }
        return nil
    }

    private static func saysUnsubscribe(_ folded: String) -> Bool {
        folded.contains("desinscri") || folded.contains("desabonn") || folded.contains("unsubscribe")
    }

    /// What the person wrote above the quoted message, when it is short (a
    /// long letter that mentions the word is for a person to read).
    private static func ownText(_ text: String) -> String {
        var own: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(60) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lower = folded(trimmed)
            if trimmed.hasPrefix(">") || lower.hasPrefix("-----") || lower.hasPrefix("de :") || lower.hasPrefix("from:")
                || lower.hasSuffix("a ecrit :") || lower.hasSuffix("a ecrit:") || lower.hasSuffix("wrote:") { break }
            own.append(line)
        }
        let joined = own.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        return joined.count <= 200 ? folded(joined) : ""
    }

    // MARK: Small readers

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func withoutBrackets(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<") { text.removeFirst() }
        if text.hasSuffix(">") { text.removeLast() }
        return text
    }

    /// `Jean <jean@example.be>` → `jean@example.be`.
    private static func bareAddress(_ value: String) -> String {
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            return String(value[value.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        return value.trimmingCharacters(in: .whitespaces)
    }
}
