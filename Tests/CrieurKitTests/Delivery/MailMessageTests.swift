import Foundation
import Testing
@testable import CrieurKit

private let brussels = TimeZone(identifier: "Europe/Brussels")!
// 2026-03-02T08:00:00Z, a Monday: 09:00 in Brussels (winter time).
private let monday = Date(timeIntervalSince1970: 1_772_438_400)

private func message(subject: String = "Lettre du CPAS", toName: String? = "Jeanne Dupont",
                     text: String = "Bonjour,\nvoici les nouvelles.", html: String = "<p>Bonjour</p>",
                     unsubscribe: MailMessage.Unsubscribe? = .init(mailto: "mailto:desinscription@cpas-exemple.be?subject=d%C3%A9sinscription"),
                     extra: [MailMessage.Header] = []) throws -> MailMessage {
    MailMessage(
        from: try MailAddress("info@cpas-exemple.be", name: "CPAS de Exemple"),
        to: try MailAddress("jeanne@exemple.be", name: toName),
        subject: subject, date: monday, timeZone: brussels,
        messageID: MailMessage.makeMessageID(domain: "cpas-exemple.be"),
        textBody: text, htmlBody: html, unsubscribe: unsubscribe, extraHeaders: extra)
}

@Test func messageIsMultipartAlternativeWithPlainTextFirstAndHTMLLast() throws {
    let parsed = try ParsedMail.parse(try message().encoded())
    #expect(parsed.contentType == "multipart/alternative")
    #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
    #expect(parsed.parts.map(\.charset) == ["utf-8", "utf-8"])
    #expect(parsed.parts[0].text == "Bonjour,\nvoici les nouvelles.")
    #expect(parsed.parts[1].text == "<p>Bonjour</p>")
    #expect(parsed.defects.isEmpty)
    #expect(parsed.value("MIME-Version") == "1.0")
}

@Test func dateIsWrittenInTheCentresTimeZone() throws {
    #expect(MailMessage.rfc5322Date(monday, in: brussels) == "Mon, 02 Mar 2026 09:00:00 +0100")
    // 2026-07-01T07:30:05Z: summer time.
    #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 1_782_891_005), in: brussels) == "Wed, 01 Jul 2026 09:30:05 +0200")
    let parsed = try ParsedMail.parse(try message().encoded())
    #expect(parsed.value("Date") == "Mon, 02 Mar 2026 09:00:00 +0100")
}

@Test func messageIDIsRandomAtTheSendersDomain() throws {
    let first = MailMessage.makeMessageID(domain: "cpas-exemple.be")
    let second = MailMessage.makeMessageID(domain: "cpas-exemple.be")
    #expect(first != second)
    #expect(first.hasSuffix("@cpas-exemple.be"))
    #expect(MailAddress.isValid(first))
    let mail = try message()
    #expect(try ParsedMail.parse(try mail.encoded()).value("Message-ID") == "<\(mail.messageID)>")
}

@Test func accentedSubjectAndNamesDecodeBackExactly() throws {
    let subject = "Prime énergie : l'hiver arrive, pensez à l'allocation de chauffage — éè àç ô 🎉 " + String(repeating: "é", count: 80)
    let parsed = try ParsedMail.parse(try message(subject: subject, toName: "Zoé Lefèvre-Dubois").encoded())
    #expect(parsed.value("Subject") == subject)
    #expect(parsed.value("To") == "Zoé Lefèvre-Dubois <jeanne@exemple.be>")
    #expect(parsed.value("From") == "CPAS de Exemple <info@cpas-exemple.be>")
    #expect(parsed.defects.isEmpty)
}

@Test func headerLinesStayWithin78CharactersAndEveryLineEndsInCRLF() throws {
    let long = String(repeating: "Une information importante pour vous ", count: 8)
    for subject in [long, long + "é", "=?UTF-8?B?Zm9v?= trompe-l'œil"] {
        // A link is one token and cannot be folded: keep it short here.
        let data = try message(subject: subject, text: String(repeating: "x", count: 300) + " \n" + String(repeating: "é", count: 200), unsubscribe: .init(mailto: "mailto:stop@cpas-exemple.be")).encoded()
        let head = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let parsed = try ParsedMail.parse(data)
        #expect(parsed.value("Subject") == subject.trimmingCharacters(in: .whitespaces) || parsed.value("Subject") == subject)
        #expect(parsed.bareLineFeeds == 0)
        #expect(parsed.longestLine <= 78)
    }
}

@Test func quotedPrintableLinesAreAtMost76AndKeepTrailingSpaces() {
    var out: [UInt8] = []
    QuotedPrintable.encode(String(repeating: "é", count: 100) + "  \nfin = x\t\n", into: &out)
    let lines = String(decoding: out, as: UTF8.self).components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 76 })
    #expect(lines.contains("=20=20") || lines.contains { $0.hasSuffix("=20") })
    #expect(lines.contains("fin =3D x=09"))
}

@Test func listUnsubscribeHasMailtoAndOneClickHTTPSWhenGiven() throws {
    let links = MailMessage.Unsubscribe(mailto: "mailto:desinscription@cpas-exemple.be", https: "https://cpas-exemple.be/desinscription?jeton=abc")
    let parsed = try ParsedMail.parse(try message(unsubscribe: links).encoded())
    #expect(parsed.value("List-Unsubscribe") == "<mailto:desinscription@cpas-exemple.be>, <https://cpas-exemple.be/desinscription?jeton=abc>")
    #expect(parsed.value("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")

    let mailtoOnly = try ParsedMail.parse(try message().encoded())
    #expect(mailtoOnly.value("List-Unsubscribe") == "<mailto:desinscription@cpas-exemple.be?subject=d%C3%A9sinscription>")
    #expect(mailtoOnly.value("List-Unsubscribe-Post") == nil)
}

@Test(arguments: [
    "Réunion\r\nBcc: victime@exemple.be",
    "Réunion\nBcc: victime@exemple.be",
    "Réunion\rBcc: victime@exemple.be",
    "Réunion\u{0}Bcc",
    "Réunion\u{2028}Bcc: victime@exemple.be",
    "Réunion\u{85}Bcc: victime@exemple.be",
    "Réunion\u{1B}[31m",
])
func hostileSubjectsAreRefused(subject: String) throws {
    #expect(throws: MailMessageError.forbiddenCharacter(field: "Subject")) { try message(subject: subject).encoded() }
}

@Test func hostileNamesAndAddressesAreRefused() {
    #expect(throws: MailMessageError.self) { try MailAddress("a@exemple.be", name: "Jeanne\r\nBcc: x@exemple.be") }
    #expect(throws: MailMessageError.invalidAddress("a@exemple.be>\r\nRCPT TO:<x@exemple.be")) {
        try MailAddress("a@exemple.be>\r\nRCPT TO:<x@exemple.be")
    }
    for bad in ["", "jeanne", "jeanne@", "@exemple.be", "a b@exemple.be", "a@b@exemple.be", "a@exemple", "a..b@exemple.be", "zoé@exemple.be", "a@exe_mple.be", "<a@exemple.be>"] {
        #expect(!MailAddress.isValid(bad), "\(bad)")
    }
    for good in ["jeanne.dupont@exemple.be", "a+lettre@cpas-namur.be", "O'Brien@exemple.co.uk"] {
        #expect(MailAddress.isValid(good), "\(good)")
    }
}

@Test func quotedAndSpecialDisplayNamesParseBack() throws {
    for name in ["Dupont, Jeanne", "Jeanne \"la\" Dupont", "a\\b (c) <d>", "=?UTF-8?B?Zm9v?="] {
        let parsed = try ParsedMail.parse(try message(toName: name).encoded())
        let to = parsed.values("To")
        #expect(to.count == 1)
        #expect(parsed.defects.isEmpty, "\(name): \(parsed.defects)")
        #expect(to.first?.hasSuffix("<jeanne@exemple.be>") == true, "\(name): \(to)")
    }
}

@Test func extraHeadersAreCheckedAndCannotReplaceStructuralOnes() throws {
    let parsed = try ParsedMail.parse(try message(extra: [.init("X-Crieur-Numero", "2026-03 édition")]).encoded())
    #expect(parsed.value("X-Crieur-Numero") == "2026-03 édition")
    #expect(throws: MailMessageError.invalidHeaderName("Bcc")) { try message(extra: [.init("Bcc", "x@exemple.be")]).encoded() }
    #expect(throws: MailMessageError.invalidHeaderName("X Bad")) { try message(extra: [.init("X Bad", "x")]).encoded() }
    #expect(throws: MailMessageError.forbiddenCharacter(field: "X-Note")) { try message(extra: [.init("X-Note", "a\r\nBcc: x@exemple.be")]).encoded() }
}

@Test func unsafeUnsubscribeLinksAreRefused() {
    for bad in [MailMessage.Unsubscribe(mailto: "http://exemple.be"), .init(mailto: "mailto:a@exemple.be", https: "http://exemple.be/x"),
                .init(mailto: "mailto:a@exemple.be>, <mailto:b@exemple.be"), .init(mailto: "mailto:a@exemple.be", https: "https://x.be/\r\nBcc: y")] {
        #expect(throws: MailMessageError.self) { try message(unsubscribe: bad).encoded() }
    }
}
