import Testing
@testable import CrieurKit

private func render(_ source: String, _ context: [String: TemplateValue], mode: Template.Mode = .html) throws -> String {
    try Template(parsing: source, mode: mode, name: "essai.html").render(.object(context))
}

private func parseError(_ source: String) -> TemplateError? {
    do {
        _ = try Template(parsing: source, mode: .html, name: "essai.html")
        return nil
    } catch {
        return error
    }
}

@Test func textValuesAreEscapedInHTMLTemplates() throws {
    let out = try render("<h1>{{titre}}</h1>", ["titre": .text("<script>alert('x')</script> & co")])
    #expect(out == "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</h1>")
}

@Test func textValuesAreCopiedAsTheyAreInTextTemplates() throws {
    let out = try render("Titre : {{titre}}", ["titre": .text("<b> & co")], mode: .text)
    #expect(out == "Titre : <b> & co")
}

@Test func htmlValuesMadeByTheCodeGoInUnescaped() throws {
    let out = try render("<div>{{corps}}</div>", ["corps": .html("<p>Bonjour</p>")])
    #expect(out == "<div><p>Bonjour</p></div>")
}

@Test func tripleBracesAreRefusedSoATemplateCannotUnescapeText() {
    let error = parseError("a\n{{{titre}}}")
    #expect(error?.line == 2)
    #expect(error?.message.contains("triples accolades") == true)
}

@Test func dottedPathsReachNestedFields() throws {
    let out = try render("{{centre.nom}} — {{centre.adresse.ville}}", [
        "centre": .object(["nom": .text("CPAS de Namur"), "adresse": .object(["ville": .text("Namur")])]),
    ])
    #expect(out == "CPAS de Namur — Namur")
}

@Test func sectionsRepeatForEachElementOfAList() throws {
    let items: TemplateValue = .list([
        .object(["titre": .text("Repair café")]),
        .object(["titre": .text("Épicerie sociale")]),
    ])
    let out = try render("<ul>{{#annonces}}<li>{{titre}}</li>{{/annonces}}</ul>", ["annonces": items])
    #expect(out == "<ul><li>Repair café</li><li>Épicerie sociale</li></ul>")
}

@Test func dotNamesTheCurrentElement() throws {
    let out = try render("{{#mots}}[{{.}}]{{/mots}}", ["mots": .list([.text("a"), .text("<b>")])])
    #expect(out == "[a][&lt;b&gt;]")
}

@Test func sectionsShowOnlyTruthyValuesAndInvertedOnlyFalsyOnes() throws {
    let source = "{{#lieu}}Où : {{lieu}}{{/lieu}}{{^lieu}}Pas de lieu{{/lieu}}"
    #expect(try render(source, ["lieu": .text("Salle 2")]) == "Où : Salle 2")
    #expect(try render(source, ["lieu": .text("")]) == "Pas de lieu")
    #expect(try render("{{#urgent}}URGENT{{/urgent}}{{^urgent}}normal{{/urgent}}", ["urgent": .bool(false)]) == "normal")
    #expect(try render("{{^liste}}vide{{/liste}}", ["liste": .list([])]) == "vide")
}

@Test func nestedSectionsSeeOuterNames() throws {
    let context: [String: TemplateValue] = [
        "centre": .text("CPAS"),
        "numeros": .list([
            .object(["titre": .text("Hiver"), "annonces": .list([.object(["titre": .text("Chauffage")]), .object(["titre": .text("Colis")])])]),
        ]),
    ]
    let out = try render("{{#numeros}}{{titre}}:{{#annonces}} {{titre}}/{{centre}}{{/annonces}}{{/numeros}}", context)
    #expect(out == "Hiver: Chauffage/CPAS Colis/CPAS")
}

@Test func templateSyntaxInsideValuesStaysLiteral() throws {
    let hostile = "{{#x}}{{secret}}{{/x}} {{{brut}}} {{! rien }}"
    let context: [String: TemplateValue] = ["titre": .text(hostile), "secret": .text("NE PAS MONTRER"), "x": .bool(true)]
    #expect(try render("{{titre}}", context, mode: .text) == hostile)
    #expect(try render("{{titre}}", context) == hostile)
}

@Test func sectionLinesAloneLeaveNoBlankLines() throws {
    let source = "Début\n  {{#annonces}}\n- {{titre}}\n  {{/annonces}}\n{{! note pour le centre }}\nFin\n"
    let out = try render(source, ["annonces": .list([.object(["titre": .text("A")]), .object(["titre": .text("B")])])], mode: .text)
    #expect(out == "Début\n- A\n- B\nFin\n")
}

@Test func unclosedSectionNamesItsOpeningLine() {
    let error = parseError("ligne 1\n{{#annonces}}\n{{titre}}\n")
    #expect(error?.line == 2)
    #expect(error?.description == "Modèle essai.html, ligne 2 : la section « annonces » n'est jamais fermée : ajoutez {{/annonces}}.")
}

@Test func mismatchedCloseSaysWhichSectionIsOpen() {
    let error = parseError("{{#a}}\n{{#b}}\n{{/a}}")
    #expect(error?.line == 3)
    #expect(error?.message.contains("« b » ouverte ligne 2") == true)
}

@Test func closeWithoutOpenIsReported() {
    #expect(parseError("x\n\n{{/a}}")?.line == 3)
}

@Test func unterminatedTagIsReported() {
    let error = parseError("a\nb {{titre\nc")
    #expect(error?.line == 2)
    #expect(error?.message == "« {{ » n'est jamais fermé par « }} ».")
}

@Test func invalidNameIsReported() {
    #expect(parseError("{{ le titre }}")?.message.contains("n'est pas un nom valable") == true)
    #expect(parseError("{{a..b}}") != nil)
}

@Test func unknownNameIsAnErrorWithASuggestion() {
    #expect(throws: TemplateError(template: "essai.html", line: 2, message: "« titer » n'existe pas dans ce modèle. Vouliez-vous dire « titre » ?")) {
        try render("\n{{titer}}", ["titre": .text("x")])
    }
}

@Test func listUsedAsAValueIsAnError() {
    #expect(throws: TemplateError.self) { try render("{{annonces}}", ["annonces": .list([])]) }
}

@Test func htmlValueInATextTemplateIsAnError() {
    #expect(throws: TemplateError.self) { try render("{{corps}}", ["corps": .html("<p>x</p>")], mode: .text) }
}

/// Found by the FuzzTemplate target: twelve nested sections over a list of two
/// took 1.2 s of CPU (each nesting doubled the work); a forgotten closing tag
/// must not make the newsletter crawl, it is reported with both lines.
@Test func sectionInsideASectionOfTheSameListIsAnErrorNamingBothLines() {
    let forgottenClose = "{{#annonces}}\n{{titre}}\n{{#annonces}}\n{{titre}}\n{{/annonces}}\n{{/annonces}}"
    let list = TemplateValue.list([.object(["titre": .text("a")]), .object(["titre": .text("b")])])
    #expect(throws: TemplateError(template: "essai.html", line: 3, message: "La section « annonces » est déjà ouverte à la ligne 1 : une liste ne peut pas se répéter à l'intérieur d'elle-même. Fermez la première avec {{/annonces}} avant d'ouvrir celle-ci.")) {
        try render(forgottenClose, ["annonces": list])
    }
    let deep = String(repeating: "{{#annonces}}", count: 30) + "x" + String(repeating: "{{/annonces}}", count: 30)
    #expect(throws: TemplateError.self) { try render(deep, ["annonces": list]) }
}

@Test func aListInsideItsElementsUnderTheSameNameIsAnotherListAndRepeats() throws {
    let inner = TemplateValue.list([.object(["titre": .text("b1")]), .object(["titre": .text("b2")])])
    let outer = TemplateValue.list([.object(["titre": .text("a"), "annonces": inner])])
    let out = try render("{{#annonces}}{{titre}}:{{#annonces}}{{titre}} {{/annonces}}{{/annonces}}", ["annonces": outer])
    #expect(out == "a:b1 b2 ")
}
