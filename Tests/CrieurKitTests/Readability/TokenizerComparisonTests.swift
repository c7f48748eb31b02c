import Foundation
import Testing

@testable import CrieurKit

/// The byte tokenizer against the scalar one it replaces, on tricky texts and on every sample.
struct TokenizerComparisonTests {
    static let tricky: [String] = [
        "Venez au CPAS. Apportez votre carte.", "M. Dupont et Mme Leroy. Le Dr Martin aussi.",
        "Voir l'art. 60 de la loi. Merci.", "Apportez vos papiers, p. ex. une facture. Merci.",
        "Le loyer, c.-à-d. la somme, est payé. Merci.", "Le prix est de 3,5 euros. Payez.",
        "Ouvert de 9 h 30 à 12h30. Venez tôt !", "Appelez le 081/22.33.44 ou le 0800  12, 345. Merci.",
        "Lisez www.cpas-exemple.be/aide.html avant. Ou écrivez à aide@cpas.be. Merci.",
        "Le 01.12.2026, nous fermons. Vraiment ?!", "Attendez… Nous arrivons.", "Du pain, etc. sont offerts. Venez.",
        "Apportez :\n- votre carte\n- une facture\nMerci.", "• un\n– deux\n1. trois\n12) quatre\n* cinq",
        "Les horaires\nLe CPAS ouvre à 8 h.", "Une phrase écrite\nsur deux lignes.",
        "Premier paragraphe sans point\n\nSecond paragraphe", "\u{FEFF}Bonjour\tà\u{00A0}vous\u{202F}!\r\nMerci\u{2009}.",
        "« Il a dit : “Venez.” » Puis il est parti… Voilà.", "J. Dupont vient. É. Leroy aussi. é. non.",
        "l'ONEM, d'APE et le FOREM. L’art. 60 aussi.", "Réf. 12 et n° 5. Tél. 081. Fin.", "Élan ÉTÉ ça. Ça va.",
        "e\u{0301}te\u{0301} ou été. Voilà.", "Le mot \"café\" (ici). Fin*. Suite.", "- \n-\n--- \n...\n… …",
        "9 h 30 h 12. 12 h. h 12.", "x.Y. a.b.c. Z. ok", "Emoji 😀 ici. 𝔸 mathématique. Fin.", "(Voir M. X.) Puis.",
        "mailto:a@b.be, http://x.org/a. cpas.be! Fin.", "", "   ", "\n\n\n", ".", "a", "A.\nB",
    ]

    static func texts() -> [String] {
        var texts = tricky
        let items = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/corpus/items")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: items.path)) ?? [] {
            if let text = try? String(contentsOf: items.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
        }
        if let prose = try? String(contentsOfFile: "/tmp/perf2-ref/bench-prose.input", encoding: .utf8) { texts.append(prose) }
        return texts
    }

    @Test func byteTokenizerGivesTheSameSentencesAndWords() {
        for text in Self.texts() {
            let old = LegacyFrenchTokenizer().sentences(in: text, firstLine: 3)
            let new = FrenchTokenizer().sentences(in: text, firstLine: 3)
            let oldSentences: [String] = old.map { "\($0.line)|\($0.text)|" + $0.words.map { "\($0.text)/\($0.kind.rawValue)" }.joined(separator: ",") }
            let newSentences: [String] = new.map { "\($0.line)|\($0.text)|" + $0.words.map { "\($0.text)/\($0.kind.rawValue)" }.joined(separator: ",") }
            #expect(oldSentences == newSentences, "\(text.prefix(80))")
        }
    }
}
