import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CrieurKit

/// Staff text is copied into HTML and XML: markup in it must stay text.
struct BulletinEscapingTests {
    typealias T = BulletinTestItems

    static let hostileTitle = "<script>alert('titre')</script> & \"Cie\""
    static let hostileBody = "Texte <b>gras</b> & <img src=x onerror=alert(1)>\nFin ]]> « citée » 'apostrophe'   trois espaces\u{0001}"

    private func draft() throws -> BulletinDraft {
        try T.draft("2026-T4", [T.record(
            Self.hostileTitle, from: "2026-10-01", body: Self.hostileBody,
            place: "<i>Salle</i>", link: "javascript:alert(1)")])
    }

    @Test func htmlShowsMarkupAsText() throws {
        let html = BulletinHTMLPage.render(try draft())
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>gras"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<i>Salle"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(&#39;titre&#39;)&lt;/script&gt; &amp; &quot;Cie&quot;"))
        #expect(html.contains("Fin ]]&gt; « citée » &#39;apostrophe&#39;"))
        #expect(html.contains("<html lang=\"fr\">"))
        #expect(html.contains("@page { size: A4;"))
        // Self-contained: nothing fetched from elsewhere.
        #expect(!html.contains(" src=\""))
        #expect(!html.contains("url("))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
    }

    @Test func flatODTIsWellFormedAndKeepsMarkupAsText() throws {
        let fodt = BulletinODF.flat(try draft())
        #expect(fodt.contains("office:mimetype=\"application/vnd.oasis.opendocument.text\""))
        #expect(!fodt.contains("<script>"))
        #expect(!fodt.contains("]]>"))
        #expect(!fodt.contains("\u{0001}"))
        #expect(!fodt.contains("xlink:href=\"javascript"))

        let texts = try XMLTexts(Data(fodt.utf8))
        #expect(texts.rootName == "office:document")
        #expect(texts.text.contains("<script>alert('titre')</script> & \"Cie\""))
        #expect(texts.text.contains("Texte <b>gras</b> & <img src=x onerror=alert(1)>"))
        #expect(texts.text.contains("Fin ]]> « citée » 'apostrophe'"))
        #expect(texts.text.contains("<i>Salle</i>"))
        #expect(texts.text.contains("javascript:alert(1)"), "a refused link is shown as text")
    }

    @Test func odfKeepsRepeatedSpacesAndLineBreaks() {
        #expect(BulletinODF.escape("a   b\nc\td") == "a <text:s text:c=\"2\"/>b<text:line-break/>c<text:tab/>d")
    }
}

/// The character data of an XML document, read by Foundation's XML parser
/// (which refuses a document that is not well-formed).
private final class XMLTexts: NSObject, XMLParserDelegate {
    var text = ""
    var rootName: String?

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if rootName == nil { rootName = elementName }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
