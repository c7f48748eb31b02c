/// The irregular words the syllable rules get wrong. Kept short on purpose
/// (the issue allows at most 1,000 entries): each entry is a frequent word
/// whose spelling hides its sound (pays, femme, monsieur), not a dictionary.
enum FrenchSyllableLists {
    /// Whole word parts (lower case, no apostrophe or hyphen) and their spoken syllables.
    static let exceptions: [String: Int] = [
        "pays": 2, "paysage": 3, "paysan": 3, "paysans": 3, "abbaye": 3,
        "aiguë": 2, "ambiguë": 3, "exiguë": 3, "ciguë": 2,
        "souhait": 1, "souhaits": 1, "souhaite": 1, "souhaites": 1, "souhaitent": 1, "souhaiter": 2, "souhaité": 2, "souhaitez": 2,
        "souhaitons": 2, "souhaitait": 2,
        "paon": 1, "faon": 1, "taon": 1,
        "poêle": 1, "moelle": 1, "moelleux": 2,
        "monsieur": 2, "messieurs": 2,
        "femme": 1, "femmes": 1,
        "oignon": 2, "oignons": 2,
        "zoo": 1, "août": 1, "mme": 2, "mmes": 2, "mlle": 3, "etc": 4, "ok": 2,
    ]

    /// The exceptions keyed by their scalars, so that looking a word part up
    /// needs no String. Only for parts without combining marks (all scalars
    /// below U+0300), where scalar equality is String equality.
    static let exceptionsByScalars: [[Unicode.Scalar]: Int] = Dictionary(
        uniqueKeysWithValues: exceptions.map { (Array($0.key.unicodeScalars), $0.value) })

    /// `exceptions[part]` for the letters of a word part.
    static func exception(_ letters: [Unicode.Scalar]) -> Int? {
        if letters.allSatisfy({ $0.value < 0x300 }) { return exceptionsByScalars[letters] }
        return exceptions[LetterTable.string(letters)]
    }

    /// Words ending in -ent read with the nasal vowel (not the silent verb ending).
    static let nasalEntWords: Set<String> = [
        "accident", "adolescent", "agent", "ardent", "argent", "cent", "client", "coefficient", "compétent",
        "conscient", "conséquent", "content", "continent", "couvent", "décent", "dent", "différent", "efficient",
        "équivalent", "éminent", "évident", "excellent", "fréquent", "gent", "impatient", "imminent", "incident",
        "inconscient", "inconvénient", "indulgent", "ingrédient", "innocent", "insolent", "intelligent",
        "latent", "lent", "négligent", "occident", "omniscient", "orient", "parent", "patient", "permanent",
        "pertinent", "précédent", "présent", "président", "prudent", "quotient", "récent", "récipient",
        "régent", "résident", "sergent", "serpent", "somnolent", "souvent", "strident", "talent", "torrent",
        "transparent", "urgent", "vent", "violent", "absent", "apparent", "cohérent", "inhérent", "fervent",
        "auvent", "arpent", "adjacent", "diligent", "turbulent", "virulent", "opulent", "accent",
        "cent", "pourcent", "succulent", "éloquent", "fluorescent", "incandescent", "concurrent",
        "confident", "détergent", "émergent", "astringent", "contingent", "convergent", "divergent",
        "équipollent", "dissident", "evident", "impertinent", "incompétent", "indécent", "intermittent",
        "malcontent", "mécontent", "omnipotent", "pénitent", "prévalent", "réticent", "subséquent",
        "translucent", "trident", "vent", "lent", "impotent", "indigent", "afférent", "adhérent", "référent",
        "excédent", "antécédent", "grandiloquent", "déférent", "incohérent", "indifférent", "influent",
        "affluent", "confluent", "fréquent", "segment", "onguent", "équivalent", "ambivalent",
        "polyvalent", "bivalent", "engoulevent", "paravent", "contrevent", 
    ]

    /// Verbs in -ment whose -ent is the silent plural ending (ils aiment).
    static let silentEntVerbs: Set<String> = [
        "aiment", "ferment", "forment", "dorment", "sèment", "priment", "expriment", "impriment", "suppriment",
        "estiment", "animent", "arment", "calment", "consument", "déforment", "informent", "transforment",
        "nomment", "consomment", "résument", "allument", "fument", "riment", "affirment", "confirment",
        "réclament", "proclament", "filment", "endorment", "enferment", "renferment", "referment",
        "confirment", "dirigent", "exigent", "mangent", "changent", "rangent", "partagent", "obligent",
        "entrent", "survivent",         "somment", "assomment", "chôment", "priment", "triment",
        "liment", "gomment", "arriment", "parfument", "hument", "écument", 
    ]
}
