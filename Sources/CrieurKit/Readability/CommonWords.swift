/// Words the rare-word rule needs beside the frequency table: the words of Belgian
/// social and municipal life that readers of a CPAS know though French film
/// subtitles and books rarely use them, and frequent synonyms for rare words.
/// The configuration adds the centre's own (`readability.knownWords`, `placeNames`).
enum CommonWords {
    /// Lower-case keys never flagged as rare.
    static let known: Set<String> = [
        // Belgian institutions and daily administration
        "cpas", "commune", "communal", "communale", "communales", "communaux", "bourgmestre", "échevin", "échevine",
        "échevins", "échevinat", "mutuelle", "mutuelles", "onem", "forem", "actiris", "mazout", "allocation",
        "allocations", "intégration", "médiation", "guidance", "surendettement", "locataire", "locataires",
        "énergie", "permanence", "permanences", "atelier", "ateliers", "épicerie", "colis", "asbl", "wallonie",
        "wallon", "wallonne", "bruxelles", "covid", "internet", "wifi", "e-mail", "email", "courriel", "courriels",
        "smartphone", "smartphones", "tablette", "tablettes", "ordinateur", "ordinateurs", "numérique",
        "logement", "logements", "chauffage", "facture", "factures", "loyer", "loyers", "garderie", "crèche",
        "repair", "café", "bénévole", "bénévoles", "bénévolat", "inscription", "inscriptions", "formulaire",
        "rendez-vous", "jouets", "puériculture", "septante", "nonante", "gsm", "kot", "minerval", "itsme", "guichet", "guichets",
        // Money and daily paperwork, rare in films and books but read on every bill
        "paiement", "paiements", "taxe", "taxes", "euro", "euros", "virement", "virements", "tarif", "tarifs",
        "mensuel", "mensuelle", "mensuels", "mensuelles", "alimentaire", "alimentaires", "remboursement",
        "remboursements", "bail", "créancier", "créanciers", "incomplet", "incomplète", "gratuit", "gratuite",
        "gratuits", "gratuites", "gratuitement",
    ]

    /// Rare word (lower case) → a frequent word or phrase that can replace it.
    static let synonyms: [String: String] = [
        "subséquemment": "ensuite", "subséquent": "suivant", "subséquente": "suivante",
        "péremption": "date limite", "périmé": "plus valable", "périmée": "plus valable",
        "indu": "somme reçue en trop", "indus": "sommes reçues en trop", "indue": "reçue en trop",
        "nonobstant": "malgré", "afférent": "lié", "afférente": "liée", "ledit": "ce", "ladite": "cette",
        "apurement": "remboursement", "apurer": "rembourser", "échelonné": "en plusieurs fois",
        "échelonnement": "paiement en plusieurs fois", "recouvrement": "récupération de l'argent",
        "exigible": "à payer", "exigibles": "à payer", "irrecevable": "refusée", "recevabilité": "accord",
        "prohibé": "interdit", "prohibée": "interdite", "proscrit": "interdit", "proscrite": "interdite",
        "octroyé": "donné", "octroyée": "donnée", "octroie": "donne", "allouée": "donnée", "alloué": "donné",
        "prodigués": "donnés", "dispensé": "donné", "dispensée": "donnée", "dispensées": "données",
        "subordonné": "lié", "subordonnée": "liée", "impétrant": "demandeur", "ressortissant": "habitant",
        "immondices": "déchets", "encombrants": "gros déchets", "voirie": "rue", "égouttage": "égouts",
        "réquisitoire": "demande", "sursis": "délai", "astreinte": "amende par jour de retard",
        "concomitant": "en même temps", "concomitamment": "en même temps", "corrélativement": "en même temps",
        "consécutivement": "après", "ultérieurement": "plus tard", "préalablement": "avant",
        "itératif": "répété", "idoine": "qui convient", "quérir": "chercher",
        "diligenter": "lancer", "diligence": "rapidité", "célérité": "rapidité", "obvier": "éviter",
        "véloce": "rapide", "impétueux": "violent", "décimée": "tuée en grand nombre",
        "frugalité": "simplicité", "tempérance": "modération", "posthume": "après sa mort",
        "exhumés": "déterrés", "sécrète": "fabrique", "promulgué": "publié", "entériné": "approuvé",
        "entérina": "approuva", "cession": "vente", "négoce": "commerce", "prospéra": "s'enrichit",
    ]
}
