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
        /// Some alternative replaces the determiner before the match too (`PhraseAgreement.takesDeterminer`).
        var takesDeterminer: Bool = false
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
            let takesDeterminer = PhraseAgreement.options(of: alternative).contains { PhraseAgreement.takesDeterminer($0.words) }
            let entry = Entry(words: words, prefix: isPrefix, alternative: alternative, takesDeterminer: takesDeterminer)
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
        "dans le cadre de": "pour (un but) | dans (un projet, une activité)", "au titre de": "pour", "en matière de": "pour (un but) | sur (un sujet)",
        "eu égard à": "vu (une raison) | à cause de (un problème)", "compte tenu de": "vu", "en raison de": "à cause de",
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
        "en cas de besoin": "si besoin", "moyennant": "contre (un paiement) | avec (une condition)", "sous réserve de": "si",
        "quant à": "pour", "quant au": "pour le", "quant aux": "pour les", "auprès de": "à (un service) | chez (une personne)",
        "auprès du": "au (un service) | chez le (une personne)", "auprès des": "aux (des services) | chez les (des personnes)",
        "lors du": "pendant le (une durée) | au (un moment précis)", "lors des": "pendant les (une durée) | aux (des moments précis)",
        "dans le cadre du": "pour le (un but) | dans le (un projet, une activité)", "en raison du": "à cause du",
        "en raison des": "à cause des", "en vertu du": "selon le", "en vertu des": "selon les", "au sein du": "dans le",
        "au sein des": "dans les", "à l'issue du": "après le", "en vue du": "pour le", "du fait du": "à cause du",
        "par le biais du": "par le", "au moyen du": "avec le", "conformément au": "selon le", "en application du": "selon le", "lors de": "pendant (une durée) | à (un moment précis)",
        "au sein de": "dans", "à l'égard de": "pour (un sujet) | envers (une personne)", "en faveur de": "pour",
        "susceptible de": "qui peut", "susceptibles de": "qui peuvent", "être tenu de": "devoir",
        "est tenu de": "doit", "sont tenus de": "doivent", "est tenue de": "doit", "sont tenues de": "doivent",
        "êtes tenu de": "devez", "êtes tenus de": "devez", "êtes tenue de": "devez", "il incombe": "doit (en nommant qui : « le locataire doit »)",
        "en vigueur": "actuel", "ci-joint": "avec cette lettre", "ci-dessous": "plus bas",
        "ci-dessus": "plus haut", "ci-après": "plus loin", "susmentionné*": "cité plus haut",
        "précité*": "cité plus haut", "ledit": "ce", "ladite": "cette", "lesdits": "ces", "lesdites": "ces",
        "dûment": "bien", "y afférent*": "qui s'y rapporte", "respectivement": "dans l'ordre",
        // Verbs
        "sollicit*": "demander", "sollicitation": "la demande", "sollicitations": "les demandes",
        "octroie": "donne", "octroient": "donnent", "stipule": "dit", "stipulent": "disent",
        "notifiée": "envoyée par écrit", "notifié": "envoyé par écrit", "notification": "le courrier",
        "justification": "la preuve", "délibération": "la décision", "mention": "la note", "mentions": "les notes", "octroy*": "donner", "percevoir": "recevoir", "perçoit": "reçoit",
        "perçoivent": "reçoivent", "perçu": "reçu", "perçue": "reçue", "percevez": "recevez",
        "effectuer": "faire", "effectue": "fait", "effectuez": "faites", "effectué": "fait", "effectuée": "faite",
        "procéder à": "faire", "procède à": "fait", "procédez à": "faites", "aviser": "prévenir",
        "avisez": "prévenez", "transmettre": "envoyer", "transmettez": "envoyez",
        "transmis": "envoyé", "adresser": "envoyer", "adressez": "envoyez", "remettre": "donner",
        "remettez": "donnez", "fournir": "donner", "fournissez": "donnez", "communiquer": "dire (une information) | donner (un papier)",
        "communiquez": "dites (une information) | donnez (un papier)", "introduire": "faire (une demande) | déposer (un papier)", "introduisez": "déposez",
        "s'acquitter de": "payer", "vous acquitter de": "payer", "acquitter": "payer", "acquittez": "payez", "rembourser": "rendre l'argent",
        "stipul*": "dire", "mentionn*": "écrire (sur un papier) | dire (de vive voix)", "requér*": "demander", "requis": "demandé (un seul) | demandés (plusieurs)",
        "requise": "demandée", "requises": "demandées", "requiert": "demande", "nécessiter": "demander",
        "nécessite": "demande", "être en possession de": "avoir", "disposer de": "avoir", "disposez de": "avez",
        "dispose de": "a", "bénéficier de": "recevoir (une aide, de l'argent) | avoir (un droit)", "bénéficiez": "recevez", "bénéficie": "reçoit",
        "s'avérer": "être", "il s'avère que": "en fait", "s'avère": "est", "s'avèrent": "sont", "faciliter": "aider (une personne) | rendre facile (une tâche)",
        "initier": "commencer", "finaliser": "finir", "entreprendre": "commencer", "réaliser": "faire",
        "réalisez": "faites", "obtempérer": "obéir", "statuer": "décider", "statue": "décide", "statue sur": "décide de", "statuer sur": "décider de",
        "se prononcer": "décider", "délibér*": "décider", "notifi*": "dire par écrit",
        "accusé de réception": "la confirmation", "se présenter": "venir", "présentez-vous": "venez",
        "compléter": "remplir", "complétez": "remplissez", "complété": "rempli", "complétée": "remplie",
        "justifi*": "prouver", "attester": "prouver", "attestez": "prouvez",
        "octroi d'une intervention": "l'aide", "octroi d'une aide": "l'aide", "octroi de l'aide": "l'aide",
        "octroi du revenu d'intégration": "l'accord pour le revenu d'intégration", "octroi de l'intervention": "l'aide",
        "introduire une demande": "demander", "introduisez une demande": "demandez", "introduire un recours": "contester la décision",
        "introduisez un recours": "contestez la décision", "introduction d'une demande": "∅ la demande",
        "prendre contact": "appeler (par téléphone) | écrire (par lettre ou courriel)", "octroi": "l'aide",
        "visant à": "pour", "vise à": "veut", "viser à": "vouloir",
        "excéd*": "dépasser", "n'excèdent pas": "ne dépassent pas",
        // Nouns and adjectives
        "bénéficiaire": "∅ vous", "bénéficiaires": "∅ vous (en parlant au lecteur) | les personnes aidées (en parlant des autres)", "demandeur": "∅ vous",
        "demandeurs": "∅ vous", "requérant*": "∅ vous", "usager": "∅ vous", "usagers": "∅ vous",
        "administré*": "l'habitant", "intéressé": "∅ vous", "intéressés": "∅ vous", "allocataire*": "∅ vous",
        "ayant droit": "∅ vous", "ayants droit": "∅ vous", "prestation*": "l'aide (de l'argent, des soins) | le service (un travail fait pour vous)", "intervention": "l'aide",
        "interventions": "les aides", "intervention financière": "l'aide en argent", "aide financière": "l'aide en argent",
        "subside*": "l'aide en argent", "indemnit*": "la somme",
        "rémunération*": "le salaire", "émoluments": "le salaire", "pécuniaire*": "en argent",
        "modalités": "∅ comment faire", "procédure": "la démarche",
        "formalités": "les démarches", "démarches administratives": "les démarches", "dossier": "la demande",
        "formulaire": "le papier à remplir", "pièces justificatives": "les preuves",
        "justificatif*": "la preuve", "document probant": "la preuve", "attestation*": "le papier",
        "revenus imposables": "revenus", "imposable*": "sur lequel on paie l'impôt", "brut": "avant impôts",
        "bruts": "avant impôts", "plafond": "la limite", "seuil": "la limite", "échéance": "la date limite",
                "domicilié*": "qui habite",         "cohabitant*": "qui vit avec quelqu'un",         "personne à charge": "enfant ou proche que vous aidez", "dispositions réglementaires": "les règles",
        "dispositions": "les règles", "réglementation": "la loi", "réglementaire*": "de la loi",
        "législation": "la loi", "législati*": "de la loi", "arrêté royal": "la règle de l'État fédéral",
        "décret": "la loi de la Région", "circulaire": "la règle", "instance*": "le service",
        "organisme*": "le service", "travailleur social": "assistant social",
                "octrois": "les aides", "éligibilité": "le droit", "éligible*": "qui a droit (une personne) | qui ont droit (plusieurs personnes)", "êtes éligible": "avez droit",
        "est éligible": "a droit", "êtes éligibles": "avez droit", "sont éligibles": "ont droit", "recevabilit*": "l'accord",
        "recevable*": "acceptée", "conditions d'octroi": "∅ qui a droit", "insertion socioprofessionnelle": "le retour au travail",
        "mise à l'emploi": "l'emploi", "remise à l'emploi": "le retour au travail", "réinsertion": "le retour",
        "précarité": "la pauvreté", "précarité énergétique": "la difficulté à payer l'énergie",
        "énergétique*": "d'énergie", "fourniture*": "la livraison", "combustible*": "le mazout (ou le bois, le gaz)",
        "mazout de chauffage": "le mazout", "consommation*": "∅ ce que vous utilisez (en tournant la phrase : « vous utilisez beaucoup d'eau »)", "afférent*": "lié",
        "subséquent*": "suivant", "antérieur*": "d'avant", "ultérieur*": "plus tard", "éventuel*": "possible",
        "nonobstant les": "malgré les", "préjudice": "le tort", "contentieux": "le désaccord",
        "litige": "le désaccord", "recours": "la contestation", "requête": "la demande", "réclamation": "la plainte",
        "habilité*": "qui a le droit", "compétent": "qui s'en occupe", "compétente": "qui s'en occupe",
        "ressortissant*": "la personne", "réquisitoire": "la demande",
        "signalétique": "le papier d'identité", "pièce d'identité": "la carte d'identité",
        "effectif": "réel", "effective": "réelle", "ad hoc": "prévu pour cela",
        "in fine": "à la fin", "a priori": "d'abord", "quid": "qu'en est-il",
    ]
}
