import CrieurKit
import Foundation
import FuzzSupport

/// libFuzzer target: any text as a template of `templates/` (the centre edits
/// them), read in HTML and in text mode and, when it parses, filled in with a
/// context like the newsletter's. A broken template must give a French error
/// naming its line, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget {
        let source = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        let context = newsletterLikeContext()
        for mode in [Template.Mode.html, .text] {
            do throws(TemplateError) {
                let template = try Template(parsing: source, mode: mode, name: "message.html")
                _ = try template.render(context)
            } catch {
                precondition(error.line >= 1 && !error.message.isEmpty, "a template error without its line or message")
            }
        }
    }
    return 0
}

/// Names the shipped templates use, with text that must be escaped, lists and
/// flags. Built for each input: a global would be reported by LeakSanitizer.
private func newsletterLikeContext() -> TemplateValue {
    .object([
        "centre": .object(["nom": .text("CPAS <de> \"Exemple\" & Cie")]),
        "lettre": .object(["titre": .text("Lettre n°1"), "date": .text("1er décembre 2026")]),
        "abonne": .object(["nom": .text("{{abonne.nom}}")]),
        "annonces": .list([
            .object(["titre": .text("Colis"), "urgent": .bool(true), "texte": .html("<p>Texte</p>"), "lieu": .text("")]),
            .object(["titre": .text("Atelier"), "urgent": .bool(false), "quand": .text("mardi")]),
        ]),
        "vide": .list([]),
        ".": .text("point"),
    ])
}
