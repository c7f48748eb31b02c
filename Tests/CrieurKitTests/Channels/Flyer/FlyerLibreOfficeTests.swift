import Foundation
import Testing
@testable import CrieurKit

/// The "done" test of the flyer: the poster and the flyer of a sample item go
/// through LibreOffice headless to PDF (`LibreOfficePDF`, as the channel does),
/// `pdftotext` finds the title, the date and the place, the PDF has one page,
/// and `zbarimg` reads the QR code from the page rendered by `pdftoppm`, for
/// links of 20 and of 200 characters.
@Suite(.serialized) struct FlyerLibreOfficeTests {
    typealias T = FlyerTestItems

    @Test(arguments: [20, 200]) func posterAndFlyerPrintTheirFactsAndAReadableQRCode(linkLength: Int) throws {
        let link = QRCodeTests.link(length: linkLength)
        let workspace = try TestWorkspace()
        let files = try T.renderer.render(T.item(link: link, picture: true), context: T.context(imageData: T.picture))
        for file in files where file.name.hasSuffix(".fodt") {
            try workspace.write(file.data, to: file.name)
            let pdf = try #require(LibreOfficePDF()).convert(workspace.path(file.name), into: workspace.root)
            let text = try Self.run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for fact in ["Atelier cuisine à petit prix", "Le samedi 12 décembre de 9 h 30 à 12 h", "Maison de quartier, rue Haute 12",
                         "CPAS de Exemple", "Téléphone : 081 00 00 00"] {
                #expect(text.contains(fact), "\(file.name): « \(fact) » in \(text)")
            }
            #expect(try Self.pages(pdf) == 1, "\(file.name) is one page")
            let image = workspace.path("\(file.name)-page")
            _ = try Self.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf, image])
            #expect(try Zbar.decode([image + ".png"]) == [link], "\(file.name)")
        }
    }

    /// The estimate errs on the safe side: the longest text it accepts still
    /// prints on one page, in both formats, with a picture.
    @Test func longestTextTheEstimateAcceptsPrintsOnOnePage() throws {
        let workspace = try TestWorkspace()
        var paragraphs = 1
        while (try? T.renderer.render(T.item(body: T.body(paragraphs: paragraphs + 1), picture: true), context: T.context(imageData: T.picture))) != nil {
            paragraphs += 1
        }
        // Fill the last lines too: add words while the estimate still accepts the text.
        var body = T.body(paragraphs: paragraphs)
        while (try? T.renderer.render(T.item(body: body + " Encore", picture: true), context: T.context(imageData: T.picture))) != nil {
            body += " Encore"
        }
        let files = try T.renderer.render(T.item(body: body, picture: true), context: T.context(imageData: T.picture))
        for file in files where file.name.hasSuffix(".fodt") {
            try workspace.write(file.data, to: file.name)
            let pdf = try #require(LibreOfficePDF()).convert(workspace.path(file.name), into: workspace.root)
            #expect(try Self.pages(pdf) == 1, "\(file.name) with \(paragraphs) paragraphs")
        }
    }

    static func pages(_ pdf: String) throws -> Int? {
        try run(["pdfinfo", pdf]).split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    static func run(_ arguments: [String]) throws -> String {
        String(decoding: try ExternalProgram.run(["/usr/bin/env"] + arguments), as: UTF8.self)
    }
}

/// The HTML pages print as they should: headless Chromium prints each to PDF
/// on one sheet of its format, with the facts and a QR code zbarimg reads.
@Suite(.serialized) struct FlyerHTMLPrintTests {
    typealias T = FlyerTestItems

    @Test func htmlPosterAndFlyerPrintOnOneSheetWithAReadableQRCode() throws {
        let link = QRCodeTests.link(length: 120)
        let workspace = try TestWorkspace()
        let files = try T.renderer.render(T.item(link: link, picture: true), context: T.context(imageData: T.picture))
        for file in files where file.name.hasSuffix(".html") {
            try workspace.write(file.data, to: file.name)
            let pdf = workspace.path(file.name + ".pdf")
            let profile = workspace.path("chromium-\(file.name)")
            _ = try ExternalProgram.run([
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf)", "file://" + workspace.path(file.name),
            ])
            #expect(try FlyerLibreOfficeTests.pages(pdf) == 1, "\(file.name) prints on one sheet")
            let size = try FlyerLibreOfficeTests.run(["pdfinfo", pdf]).split(separator: "\n").first { $0.hasPrefix("Page size:") }
            #expect(size?.contains(file.name.contains("a4") ? "(A4)" : "(A5)") == true, "\(file.name): \(size ?? "")")
            let text = try FlyerLibreOfficeTests.run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for fact in ["Atelier cuisine à petit prix", "Le samedi 12 décembre de 9 h 30 à 12 h", "Maison de quartier, rue Haute 12"] {
                #expect(text.contains(fact), "\(file.name): « \(fact) »")
            }
            let image = workspace.path("\(file.name)-page")
            _ = try FlyerLibreOfficeTests.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf, image])
            #expect(try Zbar.decode([image + ".png"]) == [link], "\(file.name)")
        }
    }
}
