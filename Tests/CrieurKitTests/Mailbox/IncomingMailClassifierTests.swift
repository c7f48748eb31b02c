import Foundation
import Testing
@testable import CrieurKit

@Suite struct IncomingMailClassifierTests {
    typealias Samples = IncomingMailSamples

    private func bounce(_ bytes: [UInt8]) throws -> IncomingMail.Bounce {
        guard case .bounce(let bounce) = try IncomingMailClassifier.classify(bytes) else {
            Issue.record("not read as a bounce")
            throw CancellationError()
        }
        return bounce
    }

    @Test func anUnsubscribeSubjectWhoseTokenHoldsALetterOutsideTheTokenAlphabetGivesNoToken() throws {
        // Found by FuzzIncomingMail: « ß » (Latin-1 0xDF) folds to « ss » and matched back case-insensitively.
        var bytes = Array("From: Marie <marie@example.be>\r\nSubject: desinscription 2469135".utf8)
        bytes += [0xDF] + Array("782abcdef1234567890abcadef-----q12345\n".utf8)
        if case .unsubscribe(let request) = try IncomingMailClassifier.classify(bytes) {
            #expect(request.token.map { $0.allSatisfy { $0.isASCII } } ?? true, "token \(String(describing: request.token))")
        }
    }

    @Test func postfixFailureIsAPermanentBounceNamingTheSubscriberToken() throws {
        let found = try bounce(Samples.hardBounce)
        #expect(found.severity == .permanent)
        #expect(found.format == .deliveryStatus)
        #expect(found.recipient == "parti@example.be")
        #expect(found.status == "5.1.1")
        #expect(found.diagnostic == "550 5.1.1 <parti@example.be>: Recipient address rejected: User unknown")
        #expect(found.token == Samples.hardToken)
        #expect(found.originalMessageID == "00000000000000a1.0000000000000001.crieur@cpas-soumagne.be")
    }

    @Test func delayNoticeIsATemporaryBounceReadFromTheReturnedMessage() throws {
        let found = try bounce(Samples.softBounce)
        #expect(found.severity == .temporary)
        #expect(found.status == "4.2.2")
        #expect(found.recipient == "plein@example.be")
        #expect(found.token == Samples.softToken)
    }

    @Test func microsoft365ReportInsideNestedPartsIsRead() throws {
        let found = try bounce(Samples.microsoftBounce)
        #expect(found.severity == .permanent)
        #expect(found.status == "5.1.10")
        #expect(found.recipient == "ancien@commune.example.be")
        #expect(found.diagnostic.hasPrefix("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient ancien@"))
        #expect(found.token == Samples.microsoftToken)
    }

    @Test func bounceWithoutReportPartIsReadFromFailedRecipientsAndText() throws {
        let found = try bounce(Samples.gmailTextBounce)
        #expect(found.format == .text)
        #expect(found.severity == .permanent)
        #expect(found.status == "5.1.1")
        #expect(found.recipient == "disparu@gmail.com")
        #expect(found.token == Samples.gmailToken)
    }

    @Test func failedActionWithTemporaryStatusIsTemporary() throws {
        let text = String(decoding: Samples.hardBounce, as: UTF8.self).replacingOccurrences(of: "Status: 5.1.1", with: "Status: 4.4.1")
        #expect(try bounce(Array(text.utf8)).severity == .temporary)
    }

    @Test func successReportIsLeftForAPerson() throws {
        let text = String(decoding: Samples.hardBounce, as: UTF8.self).replacingOccurrences(of: "Action: failed", with: "Action: delivered")
        #expect(try IncomingMailClassifier.classify(Array(text.utf8)) == .forPerson)
    }

    @Test func mailtoSubjectGivesTheTokenAsWritten() throws {
        let upper = String(decoding: Samples.mailtoUnsubscribe, as: UTF8.self)
            .replacingOccurrences(of: Samples.mailtoToken, with: Samples.mailtoToken.uppercased())
        #expect(try IncomingMailClassifier.classify(Array(upper.utf8)) == .unsubscribe(.init(
            token: Samples.mailtoToken.uppercased(), from: "marie.lambert@example.be", messageID: "CAF=abc123@mail.example.be")))
    }

    @Test func replySayingDesinscriptionAboveTheQuoteIsAnUnsubscribeByAddress() throws {
        #expect(try IncomingMailClassifier.classify(Samples.replyUnsubscribe) == .unsubscribe(.init(
            token: nil, from: "paul.henrard@example.be", messageID: "reply-42@example.be")))
    }

    @Test func encodedSubjectSayingDesinscriptionIsAnUnsubscribe() throws {
        let text = """
        From: a@example.be\r\nSubject: =?UTF-8?B?ZMOpc2luc2NyaXB0aW9u?=\r\nMessage-ID: <x@example.be>\r\n\r\nMerci\r\n
        """
        #expect(try IncomingMailClassifier.classify(Array(text.utf8)) == .unsubscribe(.init(token: nil, from: "a@example.be", messageID: "x@example.be")))
    }

    @Test func personalReplyQuotingTheFooterIsForAPerson() throws {
        #expect(try IncomingMailClassifier.classify(Samples.personalReply) == .forPerson)
    }

    @Test func outOfOfficeMentioningDesinscriptionIsForAPerson() throws {
        #expect(try IncomingMailClassifier.classify(Samples.outOfOffice) == .forPerson)
    }

    @Test func longLetterMentioningDesinscriptionIsForAPerson() throws {
        let body = String(repeating: "Je vous écris au sujet de ma demande d'aide. ", count: 10) + "Pas de désinscription, merci."
        let text = "From: a@example.be\r\nSubject: Question\r\n\r\n\(body)\r\n"
        #expect(try IncomingMailClassifier.classify(Array(text.utf8)) == .forPerson)
    }

    @Test func deepNestingIsRefused() {
        var text = "From: a@example.be\r\n"
        for level in 0..<20 { text += "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n" }
        #expect(throws: MIMEParseError.tooDeep(limit: 8)) { try IncomingMailClassifier.classify(Array(text.utf8)) }
    }

    @Test func tooManyPartsAreRefused() {
        let text = "From: a@example.be\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + String(repeating: "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n", count: 300) + "--b--\r\n"
        #expect(throws: MIMEParseError.tooManyParts(limit: 200)) { try IncomingMailClassifier.classify(Array(text.utf8)) }
    }

    @Test func multipartWithoutBoundaryAndTextWithoutHeaderAreRefused() {
        #expect(throws: MIMEParseError.missingBoundary) {
            try IncomingMailClassifier.classify(Array("From: a@b.be\r\nContent-Type: multipart/mixed\r\n\r\nx".utf8))
        }
        #expect(throws: MIMEParseError.noHeader) { try IncomingMailClassifier.classify(Array("bonjour tout le monde\r\n".utf8)) }
    }

    @Test func bareLineFeedsAndAMissingClosingBoundaryAreTolerated() throws {
        let text = String(decoding: Samples.hardBounce, as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "--4F1A2.1765090862/relais.soumagne.be--", with: "")
        #expect(try bounce(Array(text.utf8)).token == Samples.hardToken)
    }

    @Test func decodersUndoTransferEncodingsAndEncodedWords() {
        #expect(MIMEDecoding.base64(Array("w6l0w6k=".utf8)[...]) == Array("été".utf8))
        #expect(MIMEDecoding.quotedPrintable(Array("a=C3=A9=\r\nb=ZZ".utf8)[...]) == Array("aéb=ZZ".utf8))
        #expect(MIMEDecoding.decodedWords("=?UTF-8?Q?No=C3=ABl?= =?ISO-8859-1?B?4A==?= et =?utf-8?q?a_b?=") == "Noëlà et a b")
    }
}
