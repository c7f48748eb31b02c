import Foundation
import Testing
@testable import CrieurKit

@Suite struct SubscriberCSVTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let csv = "email,source,name\n\"jean@example.be\",\"formulaire \"\"web\"\", page 2\",\"Dupont,\nJean\"\nmarie@example.be,guichet,Marie\n"
        let parsed = SubscriberCSV.parse(Data(csv.utf8))
        #expect(parsed.problems.isEmpty)
        #expect(parsed.rows.map(\.line) == [2, 4])
        #expect(parsed.rows[0].request.source == "formulaire \"web\", page 2")
        #expect(parsed.rows[0].request.name == "Dupont,\nJean")  // refused later by the ledger: no line breaks in names
        #expect(parsed.rows[1].request.name == "Marie")
    }

    @Test func windowsFileWithBOMCRLFAndWindows1252IsRead() throws {
        var bytes: [UInt8] = Array("email;source;nom;liste\r\nzoe@example.be;formulaire papier;Zo".utf8)
        bytes.append(0xE9)  // é in Windows-1252
        bytes += Array(";infos\r\n".utf8)
        let parsed = SubscriberCSV.parse(Data(bytes))
        #expect(parsed.problems.isEmpty)
        #expect(parsed.rows.first?.request.name == "Zoé")
        #expect(parsed.rows.first?.request.list == "infos")

        let withBOM = SubscriberCSV.parse(Data([0xEF, 0xBB, 0xBF] + Array("email,source\r\na@example.be,web\r\n".utf8)))
        #expect(withBOM.rows.map(\.request.address.value) == ["a@example.be"])
    }

    @Test func badLinesAreReportedWithTheirNumbersAndGoodOnesKept() throws {
        let csv = "email,source\njean@example.be,guichet\npas-une-adresse,guichet\n\nmarie@example.be,\nluc@example.be,guichet,en trop\npaul@example.be,web\n"
        let parsed = SubscriberCSV.parse(Data(csv.utf8))
        #expect(!parsed.fileRefused)
        #expect(parsed.rows.map(\.line) == [2, 7])
        #expect(parsed.problems.map(\.line) == [3, 5, 6])
        #expect(parsed.problems[0].message.contains("il manque le signe @"))
        #expect(parsed.problems[1].message.contains("preuve du consentement"))
        #expect(parsed.problems[2].message.contains("3 colonne(s) au lieu de 2"))
    }

    @Test func unknownColumnOrMissingSourceColumnRefusesTheWholeFile() {
        let unknown = SubscriberCSV.parse(Data("email,source,telephone\na@example.be,web,0470\n".utf8))
        #expect(unknown.fileRefused && unknown.rows.isEmpty)
        #expect(unknown.problems.first?.message.contains("colonne inconnue « telephone »") == true)
        let missing = SubscriberCSV.parse(Data("email,name\na@example.be,A\n".utf8))
        #expect(missing.fileRefused)
        let unclosed = SubscriberCSV.parse(Data("email,source\n\"a@example.be,web\n".utf8))
        #expect(unclosed.fileRefused && unclosed.problems.first?.line == 2)
    }
}

@Suite struct EmailAddressTests {
    @Test func domainIsLowerCasedAndSpacesTrimmedButLocalPartKept() throws {
        let address = try EmailAddress(validating: "  Jean.Dupont@CPAS-Namur.BE\n")
        #expect(address.value == "Jean.Dupont@cpas-namur.be")
        #expect(address.key == "jean.dupont@cpas-namur.be")
    }

    @Test(arguments: ["", "jean", "jean@", "@example.be", "jean@example", "jean@@example.be", "jean dupont@example.be",
                      "jéan@example.be", "jean@exa_mple.be", ".jean@example.be", "je..an@example.be", "jean@-example.be",
                      "jean@example.b", "\"jean\"@example.be", "jean@example.be\r\nBcc: x@example.be", "a,b@example.be"])
    func invalidAddressesAreRefusedWithAFrenchReason(_ text: String) {
        #expect {
            try EmailAddress(validating: text)
        } throws: { error in
            "\(error)".hasPrefix("Adresse e-mail non valable : « \(text) » : ")
        }
    }

    @Test(arguments: ["jean+cpas@example.be", "o'brien@example.co.uk", "a@xn--caf-dma.be", "x_y-z@sub.example.org"])
    func ordinaryAddressesAreAccepted(_ text: String) throws {
        #expect(try EmailAddress(validating: text).value == text)
    }
}

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
