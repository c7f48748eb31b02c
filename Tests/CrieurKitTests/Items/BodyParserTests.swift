import Testing
@testable import CrieurKit

@Test func paragraphsAreSeparatedByBlankLinesAndKeepTheirLines() {
    let body = BodyParser.parse("Un.\nDeux.\n\n  \nTrois.\n")
    #expect(body.blocks == [.paragraph([[.text("Un.")], [.text("Deux.")]]), .paragraph([[.text("Trois.")]])])
}

@Test func emptyTextHasNoBlocks() {
    #expect(BodyParser.parse("").blocks.isEmpty)
    #expect(BodyParser.parse("\n \n").blocks.isEmpty)
}

@Test(arguments: ["- ", "* ", "• "])
func listMarkersMakeListEntries(marker: String) {
    let body = BodyParser.parse("\(marker)un\n\(marker)deux")
    #expect(body.blocks == [.list([[.text("un")], [.text("deux")]])])
}

@Test func listDirectlyAfterAParagraphLineStartsANewBlock() {
    let body = BodyParser.parse("Qui peut demander ?\n- les personnes,\n- les familles.\nVenez au CPAS.")
    #expect(body.blocks == [
        .paragraph([[.text("Qui peut demander ?")]]),
        .list([[.text("les personnes,")], [.text("les familles.")]]),
        .paragraph([[.text("Venez au CPAS.")]]),
    ])
}

@Test func indentedLineContinuesAListEntry() {
    let body = BodyParser.parse("- les personnes avec\n  un petit revenu\n- les autres")
    #expect(body.blocks == [.list([[.text("les personnes avec un petit revenu")], [.text("les autres")]])])
}

@Test func dashWithoutSpaceIsNotAList() {
    #expect(BodyParser.parse("-5 degrés").blocks == [.paragraph([[.text("-5 degrés")]])])
}

@Test func boldBecomesStrong() {
    #expect(BodyParser.inlines("Venez **lundi** matin") == [.text("Venez "), .strong("lundi"), .text(" matin")])
}

@Test(arguments: ["Venez **lundi matin", "Un ** deux", "****"])
func unclosedOrEmptyBoldStaysText(line: String) {
    #expect(BodyParser.inlines(line) == [.text(line)])
}

@Test(arguments: [
    ("[le site](https://cpas.be/a)", "le site", "https://cpas.be/a"),
    ("[écrivez-nous](mailto:info@cpas.be)", "écrivez-nous", "mailto:info@cpas.be"),
    ("[appelez](tel:+3281000000)", "appelez", "tel:+3281000000"),
    ("[ancien](http://cpas.be)", "ancien", "http://cpas.be"),
])
func markdownLinkWithAllowedSchemeBecomesALink(line: String, text: String, url: String) {
    #expect(BodyParser.inlines("Voir \(line).") == [.text("Voir "), .link(text: text, url: url), .text(".")])
}

@Test(arguments: ["[clic](javascript:alert(1))", "[clic](ftp://cpas.be)", "[**clic**](data:text/html,x)", "[clic](https://)"])
func markdownLinkWithOtherSchemeStaysLiteral(line: String) {
    #expect(BodyParser.inlines(line) == [.text(line)])
}

@Test(arguments: [
    ("Voir https://cpas.be/aide.", "https://cpas.be/aide", "."),
    ("Voir https://cpas.be/aide, merci", "https://cpas.be/aide", ", merci"),
    ("Voir https://cpas.be/aide?x=1 !", "https://cpas.be/aide?x=1", " !"),
    ("Voir http://cpas.be).", "http://cpas.be", ")."),
    ("Voir https://cpas.be»", "https://cpas.be", "»"),
])
func bareURLBecomesALinkWithoutTrailingPunctuation(line: String, url: String, after: String) {
    #expect(BodyParser.inlines(line) == [.text("Voir "), .link(text: url, url: url), .text(after)])
}

@Test(arguments: ["https:// rien", "voirhttps://cpas.be", "www.cpas.be", "ftp://cpas.be"])
func textThatIsNotABareURLStaysText(line: String) {
    #expect(BodyParser.inlines(line) == [.text(line)])
}

@Test(arguments: ["<script>alert(1)</script>", "{{ subscriber.email }}", "<b>gras</b> &amp; _italique_ # Titre", "`code`"])
func otherMarkupStaysLiteral(line: String) {
    #expect(BodyParser.parse(line).blocks == [.paragraph([[.text(line)]])])
}

@Test func inlinesWorkInsideListEntries() {
    let body = BodyParser.parse("- **Lundi** : https://cpas.be")
    #expect(body.blocks == [.list([[.strong("Lundi"), .text(" : "), .link(text: "https://cpas.be", url: "https://cpas.be")]])])
}
