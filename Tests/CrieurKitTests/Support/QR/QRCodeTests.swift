import Foundation
import Testing
@testable import CrieurKit

struct QRCodeTests {
    /// ISO/IEC 18004's worked example (« HELLO WORLD », version 1-M, alphanumeric
    /// mode): its 16 data codewords and the 10 error-correction codewords the standard gives.
    @Test func reedSolomonGivesTheStandardsErrorCorrectionCodewords() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(QRReedSolomon.remainder(of: data, degree: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func versionInformationMatchesTheStandardsTable() {
        // ISO/IEC 18004 annex D, table D.1.
        #expect([7, 8, 9, 10].map { QRVersion.number($0).informationBits } == [0x07C94, 0x085BC, 0x09A99, 0x0A4D3])
    }

    @Test func formatInformationForLevelMMatchesTheStandardsTable() {
        // ISO/IEC 18004 annex C, table C.1, level M, masks 0 to 7.
        let expected = ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
                        "100010111111001", "100000011001110", "100111110010111", "100101010100000"]
        #expect((0..<8).map { String(QRVersion.formatBits(mask: $0), radix: 2) } == expected)
    }

    @Test func codewordCountsFillEachVersionExactly() {
        // Table 1's codeword totals for versions 1 to 10; with the remainder bits, they fill the symbol.
        #expect(QRVersion.all.map(\.totalCodewords) == [26, 44, 70, 100, 134, 172, 196, 242, 292, 346])
        #expect(QRVersion.all.map(\.byteCapacity) == [14, 26, 42, 62, 84, 106, 122, 152, 180, 213])
    }

    @Test func smallestVersionThatHoldsTheTextIsChosen() throws {
        #expect(try QRCode(String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(String(repeating: "a", count: 200)).version == 10)
        #expect(try QRCode(String(repeating: "a", count: 213)).size == 57)
        #expect(throws: QRCode.TooLong(byteCount: 214)) { try QRCode(String(repeating: "a", count: 214)) }
    }

    @Test func finderPatternsSitInThreeCorners() throws {
        let code = try QRCode("https://www.cpas-exemple.be/")
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(code.isDark(x: x, y: y) && code.isDark(x: x + 6, y: y + 6) && code.isDark(x: x + 3, y: y + 3))
            #expect(!code.isDark(x: x + 1, y: y + 1))
        }
        #expect(code.isDark(x: 8, y: code.size - 8), "the dark module")
    }

    /// The links of 20 to 200 characters flyers print (and 14, for version 1), one at each version's
    /// limit and around it, read back by a real decoder from PNG pictures.
    @Test func zbarimgReadsBackLinksOfEveryVersion() throws {
        let workspace = try TestWorkspace()
        let lengths = [14, 20, 26, 27, 42, 43, 62, 63, 84, 85, 106, 107, 122, 123, 152, 153, 180, 181, 200, 213]
        let links = lengths.map(Self.link(length:))
        var paths: [String] = []
        for (index, link) in links.enumerated() {
            let name = "qr-\(index).png"
            try workspace.write(QRCode(link).png(pixelsPerModule: 4), to: name)
            paths.append(workspace.path(name))
        }
        #expect(try Zbar.decode(paths) == links)
        #expect(Set(try links.map { try QRCode($0).version }) == Set(1...10))
    }

    @Test func zbarimgReadsThePBMAndEveryMaskIsUsedSomewhere() throws {
        let workspace = try TestWorkspace()
        let link = "https://www.cpas-exemple.be/agenda?id=bourse-aux-jouets&lang=fr"
        try workspace.write(Data(QRCode(link).pbm(pixelsPerModule: 3).utf8), to: "qr.pbm")
        #expect(try Zbar.decode([workspace.path("qr.pbm")]) == [link])
        // The penalty rules pick different masks for different data: none is stuck on one.
        let masks = Set(try (0..<60).map { try QRCode("https://cpas.be/\($0)").mask })
        #expect(masks.count >= 4)
    }

    @Test func svgDrawsEveryDarkModuleOnce() throws {
        let code = try QRCode("https://www.cpas-exemple.be/")
        let svg = code.svg(label: "Code QR vers <le site>")
        #expect(svg.contains("aria-label=\"Code QR vers &lt;le site&gt;\""))
        #expect(svg.contains("viewBox=\"0 0 \(code.size + 8) \(code.size + 8)\""))
        // Each run is "h<n>": their lengths add up to the dark modules.
        let runs = svg.split(separator: "h").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        let dark = (0..<code.size).flatMap { y in (0..<code.size).map { x in code.isDark(x: x, y: y) } }.count(where: { $0 })
        #expect(runs.reduce(0, +) == dark)
    }

    /// A plausible link of exactly `length` characters.
    static func link(length: Int) -> String {
        let start = "https://www.cpas-exemple.be/agenda/"
        let filler = "atelier-cuisine-du-jeudi-et-permanence-energie-"
        var link = start
        while link.count < length { link += String(filler[filler.index(filler.startIndex, offsetBy: (link.count - start.count) % filler.count)]) }
        return String(link.prefix(length))
    }
}
