import Foundation
import Testing
@testable import CrieurKit

/// What the erasure replaces, and what it must leave alone: one case per rule.
@Suite struct PersonalDataScrubberTests {
    private static let scrubber = PersonalDataScrubber(
        address: try! EmailAddress(validating: "li@example.be"), names: ["Li", #"Li "Petit" Wang"#],
        subscriberIDs: ["s-0123456789abcdef"])

    static let scrubbed: [(line: String, expected: String)] = [
        ("550 <LI@Example.BE> unknown", "550 <[effacé]> unknown"),
        (#"{"to":"li@example.be","reply":"ok"}"#, #"{"to":"[effacé]","reply":"ok"}"#),
        ("écrit à li@example.be.", "écrit à [effacé]."),
        (#"{"subscriber":"s-0123456789abcdef","reply":"Bonjour Li, voir Lille"}"#,
         #"{"subscriber":"s-0123456789abcdef","reply":"Bonjour [effacé], voir Lille"}"#),
        (#"{"subscriber":"s-0123456789abcdef","name":"Li \"Petit\" Wang"}"#,
         #"{"subscriber":"s-0123456789abcdef","name":"[effacé]"}"#),
        ("li@example.be (LI)", "[effacé] ([effacé])"),
    ]

    static let untouched = [
        #"{"item":"Li-et-Lille.txt","reason":"Texte de Li"}"#,      // the name, in a line about nobody
        "remis par marie.li@example.be",                              // a longer address
        "remis par li@example.be.fr",
        "remis par li@example.bev",
        #"{"subscriber":"s-0123456789abcdee","reply":"Bonjour Li"}"#,  // someone else's id
        "Lili et Liège",
    ]

    @Test(arguments: scrubbed)
    func replacesThePerson(line: String, expected: String) {
        let result = Self.scrubber.scrub(Data((line + "\n").utf8))
        #expect(result.map { String(decoding: $0, as: UTF8.self) } == expected + "\n")
    }

    @Test(arguments: untouched)
    func leavesOthersAlone(line: String) {
        #expect(Self.scrubber.scrub(Data(line.utf8)) == nil)
    }

    @Test func otherLinesOfAFileAreKeptByteForByte() throws {
        let file = "premier\n550 <li@example.be>\n\u{0}brut\u{FF}\n"
        let result = try #require(Self.scrubber.scrub(Data(file.utf8)))
        #expect(String(decoding: result, as: UTF8.self) == "premier\n550 <[effacé]>\n\u{0}brut\u{FF}\n")
    }
}
