import Testing

@testable import CrieurKit

/// Tricky texts and what the tokenizer makes of them: each sentence as
/// "line|text|word/kind,…" (the text starts on line 3). The expectations were
/// recorded from the scalar tokenizer that the byte tokenizer replaced, which gave
/// the same on these texts, on every shared sample item and on the benchmark's 1 MB.
struct FrenchTokenizerTableTests {
    static let cases: [(String, [String])] = [
        ("Venez au CPAS. Apportez votre carte.",
         ["3|Venez au CPAS.|Venez/word,au/word,CPAS/capitals", "3|Apportez votre carte.|Apportez/word,votre/word,carte/word"]),
        ("M. Dupont et Mme Leroy. Le Dr Martin aussi.",
         ["3|M. Dupont et Mme Leroy.|M/word,Dupont/word,et/word,Mme/word,Leroy/word", "3|Le Dr Martin aussi.|Le/word,Dr/word,Martin/word,aussi/word"]),
        ("Voir l\'art. 60 de la loi. Merci.",
         ["3|Voir l\'art. 60 de la loi.|Voir/word,l\'art/word,60/number,de/word,la/word,loi/word", "3|Merci.|Merci/word"]),
        ("Apportez vos papiers, p. ex. une facture. Merci.",
         ["3|Apportez vos papiers, p. ex. une facture.|Apportez/word,vos/word,papiers/word,p/word,ex/word,une/word,facture/word", "3|Merci.|Merci/word"]),
        ("Le loyer, c.-à-d. la somme, est payé. Merci.",
         ["3|Le loyer, c.-à-d. la somme, est payé.|Le/word,loyer/word,c.-à-d/word,la/word,somme/word,est/word,payé/word", "3|Merci.|Merci/word"]),
        ("Le prix est de 3,5 euros. Payez.",
         ["3|Le prix est de 3,5 euros.|Le/word,prix/word,est/word,de/word,3,5/number,euros/word", "3|Payez.|Payez/word"]),
        ("Ouvert de 9 h 30 à 12h30. Venez tôt !",
         ["3|Ouvert de 9 h 30 à 12h30.|Ouvert/word,de/word,9 h 30/number,à/word,12h30/number", "3|Venez tôt !|Venez/word,tôt/word"]),
        ("Appelez le 081/22.33.44 ou le 0800  12, 345. Merci.",
         ["3|Appelez le 081/22.33.44 ou le 0800  12, 345.|Appelez/word,le/word,081/22.33.44/number,ou/word,le/word,0800 12 345/number", "3|Merci.|Merci/word"]),
        ("Lisez www.cpas-exemple.be/aide.html avant. Ou écrivez à aide@cpas.be. Merci.",
         ["3|Lisez www.cpas-exemple.be/aide.html avant.|Lisez/word,avant/word", "3|Ou écrivez à aide@cpas.be.|Ou/word,écrivez/word,à/word", "3|Merci.|Merci/word"]),
        ("Le 01.12.2026, nous fermons. Vraiment ?!",
         ["3|Le 01.12.2026, nous fermons.|Le/word,01.12.2026/number,nous/word,fermons/word", "3|Vraiment ?!|Vraiment/word"]),
        ("Attendez… Nous arrivons.",
         ["3|Attendez…|Attendez/word", "3|Nous arrivons.|Nous/word,arrivons/word"]),
        ("Du pain, etc. sont offerts. Venez.",
         ["3|Du pain, etc. sont offerts.|Du/word,pain/word,etc/word,sont/word,offerts/word", "3|Venez.|Venez/word"]),
        ("Apportez :\n- votre carte\n- une facture\nMerci.",
         ["3|Apportez :|Apportez/word", "4|votre carte|votre/word,carte/word", "5|une facture|une/word,facture/word", "6|Merci.|Merci/word"]),
        ("• un\n– deux\n1. trois\n12) quatre\n* cinq",
         ["3|un|un/word", "4|deux|deux/word", "5|trois|trois/word", "6|quatre|quatre/word", "7|cinq|cinq/word"]),
        ("Les horaires\nLe CPAS ouvre à 8 h.",
         ["3|Les horaires|Les/word,horaires/word", "4|Le CPAS ouvre à 8 h.|Le/word,CPAS/capitals,ouvre/word,à/word,8 h/number"]),
        ("Une phrase écrite\nsur deux lignes.",
         ["3|Une phrase écrite sur deux lignes.|Une/word,phrase/word,écrite/word,sur/word,deux/word,lignes/word"]),
        ("Premier paragraphe sans point\n\nSecond paragraphe",
         ["3|Premier paragraphe sans point|Premier/word,paragraphe/word,sans/word,point/word", "5|Second paragraphe|Second/word,paragraphe/word"]),
        ("\u{FEFF}Bonjour\tà\u{A0}vous\u{202F}!\r\nMerci\u{2009}.",
         ["3|Bonjour à vous !|Bonjour/word,à/word,vous/word", "4|Merci .|Merci/word"]),
        ("« Il a dit : “Venez.” » Puis il est parti… Voilà.",
         ["3|« Il a dit : “Venez.”|Il/word,a/word,dit/word,Venez/word", "3|» Puis il est parti…|Puis/word,il/word,est/word,parti/word", "3|Voilà.|Voilà/word"]),
        ("J. Dupont vient. É. Leroy aussi. é. non.",
         ["3|J. Dupont vient.|J/word,Dupont/word,vient/word", "3|É. Leroy aussi.|É/word,Leroy/word,aussi/word", "3|é.|é/word", "3|non.|non/word"]),
        ("l\'ONEM, d\'APE et le FOREM. L’art. 60 aussi.",
         ["3|l\'ONEM, d\'APE et le FOREM.|l\'ONEM/capitals,d\'APE/capitals,et/word,le/word,FOREM/capitals", "3|L’art. 60 aussi.|L’art/word,60/number,aussi/word"]),
        ("Réf. 12 et n° 5. Tél. 081. Fin.",
         ["3|Réf. 12 et n° 5.|Réf/word,12/number,et/word,n°/word,5/number", "3|Tél. 081.|Tél/word,081/number", "3|Fin.|Fin/word"]),
        ("Élan ÉTÉ ça. Ça va.",
         ["3|Élan ÉTÉ ça.|Élan/word,ÉTÉ/capitals,ça/word", "3|Ça va.|Ça/word,va/word"]),
        ("e\u{301}te\u{301} ou été. Voilà.",
         ["3|e\u{301}te\u{301} ou été.|e\u{301}te/word,ou/word,été/word", "3|Voilà.|Voilà/word"]),
        ("Le mot \"café\" (ici). Fin*. Suite.",
         ["3|Le mot \"café\" (ici).|Le/word,mot/word,café/word,ici/word", "3|Fin*.|Fin/word", "3|Suite.|Suite/word"]),
        ("- \n-\n--- \n...\n… …",
         []),
        ("9 h 30 h 12. 12 h. h 12.",
         ["3|9 h 30 h 12.|9 h 30 h 12/number", "3|12 h.|12 h/number", "3|h 12.|h/word,12/number"]),
        ("x.Y. a.b.c. Z. ok",
         ["3|x.Y.|x.Y/word", "3|a.b.c.|a.b.c/word", "3|Z. ok|Z/word,ok/word"]),
        ("Emoji 😀 ici. 𝔸 mathématique. Fin.",
         ["3|Emoji 😀 ici.|Emoji/word,ici/word", "3|𝔸 mathématique.|𝔸/word,mathématique/word", "3|Fin.|Fin/word"]),
        ("(Voir M. X.) Puis.",
         ["3|(Voir M. X.)|Voir/word,M/word,X/word", "3|Puis.|Puis/word"]),
        ("mailto:a@b.be, http://x.org/a. cpas.be! Fin.",
         ["3|Fin.|Fin/word"]),
        ("",
         []),
        ("   ",
         []),
        ("\n\n\n",
         []),
        (".",
         []),
        ("a",
         ["3|a|a/word"]),
        ("A.\nB",
         ["3|A. B|A/word,B/word"]),
    ]

    @Test(arguments: cases)
    func givesTheRecordedSentencesAndWords(text: String, expected: [String]) {
        let sentences = FrenchTokenizer().sentences(in: text, firstLine: 3)
        let rows = sentences.map { "\($0.line)|\($0.text)|" + $0.words.map { "\($0.text)/\($0.kind.rawValue)" }.joined(separator: ",") }
        #expect(rows == expected)
    }
}
