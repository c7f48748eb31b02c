/// Administrative words and turns with a plain alternative, after the FALC
/// rules and the Fédération Wallonie-Bruxelles guide *Écrire pour être lu*.
/// Keys are lower case; a key may be several words (*afin de*) and may end in
/// `*` to match every form that starts with it (*sollicit\** matches
/// *solliciter*, *sollicitez*, *sollicitation*). The configuration adds or
/// replaces entries (`readability.administrativeWords`).
///
/// Entries are grouped by first word, and `WordTable` looks each distinct word
/// of a text up once; there is no regular expression.
public struct AdministrativeLexicon: Sendable {
    struct Entry: Sendable {
        var words: [String]
        var prefix: Bool
        var alternative: String
    }

    /// First word (or prefix stem) → entries starting with it, longest first.
    let byFirstWord: [String: [Entry]]
    /// Stems of the entries ending in `*`, for the words that match no exact first word.
    let prefixEntries: [Entry]
    /// True when no stem holds a combining mark (always, unless the configuration adds one).
    let prefixStemsArePlainLatin: Bool
    /// Indices in `prefixEntries` by the first UTF-8 byte of their stem (index 0…255),
    /// longest first as there. An array rather than a dictionary: a byte needs no hashing.
    let prefixEntriesByFirstByte: [[Int]]
    public let count: Int

    public init(extra: [String: String] = [:]) {
        var merged = AdministrativeLexicon.builtIn
        for (key, value) in extra { merged[key.lowercased()] = value }
        var byFirst: [String: [Entry]] = [:]
        var prefixes: [Entry] = []
        for (key, alternative) in merged {
            let isPrefix = key.hasSuffix("*")
            let body = isPrefix ? String(key.dropLast()) : key
            let words = body.split(separator: " ").map { PlainLanguageRules.key(for: String($0)) }
            guard !words.isEmpty else { continue }
            let entry = Entry(words: words, prefix: isPrefix, alternative: alternative)
            if isPrefix && words.count == 1 {
                prefixes.append(entry)
            } else {
                byFirst[words[0], default: []].append(entry)
            }
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.words.count > $1.words.count } }
        byFirstWord = byFirst
        prefixEntries = prefixes.sorted { $0.words[0].count > $1.words[0].count }
        prefixStemsArePlainLatin = prefixes.allSatisfy { Self.isPlainLatin($0.words[0]) }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, entry) in prefixEntries.enumerated() { byFirstByte[Int(entry.words[0].utf8.first ?? 0)].append(index) }
        prefixEntriesByFirstByte = byFirstByte
        count = merged.count
    }

    /// The index in `prefixEntries` of the entry ending in `*` whose stem starts
    /// `key` (a word lower-cased, apostrophes as `'`), longest stem first.
    func prefixEntryIndex(for key: String) -> Int? {
        // A stem has at least 5 characters, hence at least 5 bytes: most words are
        // shorter, and are settled without scanning them.
        guard key.utf8.count >= 5 else { return nil }
        if prefixStemsArePlainLatin && Self.isPlainLatin(key) {
            // Without combining marks, characters are scalars and comparing UTF-8 bytes
            // gives the same answer as `count` and `hasPrefix`, without decoding characters.
            guard key.unicodeScalars.count >= 5, let byte = key.utf8.first else { return nil }
            return prefixEntriesByFirstByte[Int(byte)].first { key.utf8.starts(with: prefixEntries[$0].words[0].utf8) }
        } else if key.count >= 5 {
            return prefixEntries.firstIndex { key.hasPrefix($0.words[0]) }
        }
        return nil
    }

    /// Every scalar below U+0300 (no combining mark, no emoji, no CR LF in a key):
    /// each scalar is then a character of its own, and equal strings have equal bytes.
    static func isPlainLatin(_ text: String) -> Bool {
        // Through the contiguous bytes when the String has them (always, for native text):
        // walking `utf8` by its indices cost several times more.
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0xCC } } ?? text.utf8.allSatisfy { $0 < 0xCC }
    }

    /// The built-in entries: administrative word or turn → plain French.
    public static let builtIn: [String: String] = [
        // Connectors and turns
        "afin de": "pour", "afin que": "pour que", "en vue de": "pour", "dans le but de": "pour",
        "dans le cadre de": "pour, dans", "au titre de": "pour", "en matière de": "pour, sur",
        "eu égard à": "vu, à cause de", "compte tenu de": "vu", "en raison de": "à cause de",
        "du fait de": "à cause de", "par le biais de": "par", "par l'intermédiaire de": "par",
        "au moyen de": "avec", "en ce qui concerne": "pour", "relatif à": "sur", "relative à": "sur",
        "relatifs aux": "sur les", "relatives aux": "sur les", "conformément à": "selon", "conformément aux": "selon les",
        "en application de": "selon", "en vertu de": "selon", "aux termes de": "selon",
        "nonobstant": "malgré", "néanmoins": "mais", "toutefois": "mais", "cependant": "mais",
        "par conséquent": "donc", "dès lors": "donc", "en conséquence": "donc", "ainsi que": "et",
        "de même que": "et", "en outre": "aussi", "par ailleurs": "aussi", "de surcroît": "en plus",
        "au préalable": "avant", "préalablement": "avant", "préalable": "avant", "antérieurement": "avant",
        "ultérieurement": "plus tard", "postérieurement": "après", "dorénavant": "à partir de maintenant",
        "désormais": "maintenant", "à l'issue de": "après", "à compter du": "à partir du",
        "à compter de": "à partir de", "dans les meilleurs délais": "vite", "sans délai": "tout de suite",
        "le cas échéant": "si besoin", "s'il échet": "si besoin", "à défaut de": "sans",
        "au cas où": "si", "dans l'hypothèse où": "si", "pour autant que": "si", "à condition que": "si",
        "en cas de besoin": "si besoin", "moyennant": "contre, avec", "sous réserve de": "si",
        "quant à": "pour", "à savoir": "c'est-à-dire", "auprès de": "à, chez", "lors de": "pendant, à",
        "au sein de": "dans", "à l'égard de": "pour, envers", "en faveur de": "pour",
        "susceptible de": "qui peut", "susceptibles de": "qui peuvent", "être tenu de": "devoir",
        "est tenu de": "doit", "sont tenus de": "doivent", "il incombe": "vous devez",
        "en vigueur": "actuel", "ci-joint": "avec cette lettre", "ci-dessous": "plus bas",
        "ci-dessus": "plus haut", "ci-après": "plus loin", "susmentionné*": "cité plus haut",
        "précité*": "cité plus haut", "ledit": "ce", "ladite": "cette", "lesdits": "ces", "lesdites": "ces",
        "dûment": "bien", "y afférent*": "qui s'y rapporte", "respectivement": "dans l'ordre",
        // Verbs
        "sollicit*": "demander", "octroy*": "donner, accorder", "percevoir": "recevoir", "perçoit": "reçoit",
        "perçoivent": "reçoivent", "perçu": "reçu", "perçue": "reçue", "percevez": "recevez",
        "effectuer": "faire", "effectue": "fait", "effectuez": "faites", "effectué": "fait", "effectuée": "faite",
        "procéder à": "faire", "procède à": "fait", "procédez à": "faites", "aviser": "prévenir",
        "avisez": "prévenez", "transmettre": "envoyer", "transmettez": "envoyez",
        "transmis": "envoyé", "adresser": "envoyer", "adressez": "envoyez", "remettre": "donner",
        "remettez": "donnez", "fournir": "donner", "fournissez": "donnez", "communiquer": "dire, donner",
        "communiquez": "dites, donnez", "introduire": "faire, déposer", "introduisez": "déposez",
        "s'acquitter de": "payer", "acquitter": "payer", "acquittez": "payez", "rembourser": "rendre l'argent",
        "stipul*": "dire", "mentionn*": "écrire, dire", "requér*": "demander", "requis": "demandé",
        "requise": "demandée", "requises": "demandées", "requiert": "demande", "nécessiter": "demander",
        "nécessite": "demande", "être en possession de": "avoir", "disposer de": "avoir", "disposez de": "avez",
        "dispose de": "a", "bénéficier de": "recevoir, avoir", "bénéficiez": "recevez", "bénéficie": "reçoit",
        "s'avérer": "être", "s'avère": "est", "s'avèrent": "sont", "faciliter": "aider, rendre facile",
        "initier": "commencer", "finaliser": "finir", "entreprendre": "commencer, faire", "réaliser": "faire",
        "réalisez": "faites", "obtempérer": "obéir", "statuer": "décider", "statue": "décide",
        "se prononcer": "décider", "délibér*": "décider", "notifi*": "dire par écrit, prévenir",
        "accusé de réception": "confirmation", "se présenter": "venir", "présentez-vous": "venez",
        "compléter": "remplir", "complétez": "remplissez", "complété": "rempli", "complétée": "remplie",
        "justifi*": "prouver", "attester": "prouver, confirmer", "attestez": "prouvez",
        "prendre contact": "appeler, écrire", "octroi": "aide",
        "visant à": "pour", "vise à": "veut", "viser à": "vouloir",
        "excéd*": "dépasser", "n'excèdent pas": "ne dépassent pas",
        // Nouns and adjectives
        "bénéficiaire": "vous", "bénéficiaires": "vous, les personnes aidées", "demandeur": "vous",
        "demandeurs": "vous", "requérant*": "vous", "usager": "vous", "usagers": "vous",
        "administré*": "habitant", "intéressé": "vous", "intéressés": "vous", "allocataire*": "vous",
        "ayant droit": "vous", "ayants droit": "vous", "prestation*": "aide, service", "intervention": "aide",
        "interventions": "aides", "intervention financière": "aide en argent", "aide financière": "argent",
        "subside*": "argent, aide", "indemnit*": "argent, somme",
        "rémunération*": "salaire", "émoluments": "salaire", "pécuniaire*": "en argent",
        "modalités": "comment faire", "procédure": "démarche, étapes",
        "formalités": "démarches", "démarches administratives": "démarches", "dossier": "demande",
        "formulaire": "papier à remplir", "pièces justificatives": "preuves, papiers",
        "justificatif*": "preuve", "document probant": "preuve", "attestation*": "papier, preuve",
        "revenus imposables": "revenus", "imposable*": "sur lequel on paie l'impôt", "brut": "avant impôts",
        "bruts": "avant impôts", "plafond": "limite", "seuil": "limite", "échéance": "date limite",
                "domicilié*": "qui habite",         "cohabitant*": "qui vit avec quelqu'un",         "personne à charge": "enfant ou proche que vous aidez", "dispositions réglementaires": "règles",
        "dispositions": "règles", "réglementation": "règles", "réglementaire*": "de la loi",
        "législation": "loi", "législati*": "de la loi", "arrêté royal": "règle de l'État",
        "décret": "loi de la Région", "circulaire": "règle", "instance*": "service",
        "organisme*": "service", "service social": "assistant social", "travailleur social": "assistant social",
                "octrois": "aides", "éligibilité": "droit", "éligible*": "qui a droit", "recevabilit*": "accord",
        "recevable*": "acceptée", "conditions d'octroi": "qui a droit", "insertion socioprofessionnelle": "retour au travail",
        "mise à l'emploi": "emploi", "remise à l'emploi": "retour au travail", "réinsertion": "retour",
        "précarité": "pauvreté", "précarité énergétique": "difficulté à payer l'énergie",
        "énergétique*": "d'énergie", "fourniture*": "livraison", "combustible*": "chauffage",
        "mazout de chauffage": "mazout", "consommation*": "ce que vous utilisez", "afférent*": "lié",
        "subséquent*": "suivant", "antérieur*": "d'avant", "ultérieur*": "plus tard", "éventuel*": "possible",
        "nonobstant les": "malgré les", "préjudice": "tort", "contentieux": "litige, désaccord",
        "litige": "désaccord", "recours": "contestation", "requête": "demande", "réclamation": "plainte",
        "habilité*": "qui a le droit", "compétent": "chargé", "compétente": "chargée",
        "ressortissant*": "personne", "réquisitoire": "demande",
        "signalétique": "papier d'identité", "pièce d'identité": "carte d'identité",
        "effectif": "réel", "effective": "réelle", "ad hoc": "prévu pour cela",
        "in fine": "à la fin", "a priori": "d'abord", "quid": "qu'en est-il",
    ]
}
