/// Acronyms and jargon names of Belgian social aid, with a plain wording to put
/// in their place or beside them. An acronym not in the known list is flagged
/// at its first use unless it is explained there: *RIS (revenu d'intégration)*
/// or *revenu d'intégration (RIS)*. The configuration adds known acronyms
/// (`readability.knownAcronyms`) and explanations (`readability.acronymExplanations`).
public enum AcronymGlossary {
    /// Acronyms every reader of a CPAS text knows; never flagged.
    public static let known: Set<String> = ["CPAS", "TV", "OK", "SMS", "PC", "GSM", "ASBL", "TVA", "BD", "CV", "UE", "SNCB", "TEC"]

    /// Acronym (or jargon name such as *art. 60*) → plain explanation.
    public static let explanations: [String: String] = [
        "RIS": "revenu d'intégration (l'argent que le CPAS verse chaque mois)",
        "DIS": "droit à l'intégration sociale (votre droit à une aide du CPAS)",
        "PIIS": "projet individualisé d'intégration sociale (le contrat que vous signez avec votre assistant social)",
        "ART. 60": "un emploi trouvé par le CPAS (contrat « article 60 »)",
        "ART 60": "un emploi trouvé par le CPAS (contrat « article 60 »)",
        "ARTICLE 60": "un emploi trouvé par le CPAS (contrat « article 60 »)",
        "ONEM": "l'Office national de l'emploi (l'organisme du chômage)",
        "FOREM": "le Forem (le service wallon de l'emploi et de la formation)",
        "APE": "un emploi aidé par la Région wallonne (APE)",
        "PTP": "un emploi de transition pour reprendre le travail (PTP)",
        "BIM": "le statut BIM (vous payez moins cher chez le médecin et à la pharmacie)",
        "PAPE": "le plan d'aide pour payer l'énergie (PAPE)",
        "MEBAR": "la prime MEBAR (une aide de la Région pour faire des économies d'énergie)",
        "PST": "le plan stratégique du CPAS (PST)",
        "SIS": "le service d'insertion sociale (SIS)",
        "ILA": "le logement pour personnes demandeuses d'asile (ILA)",
        "AVIQ": "l'Agence pour une vie de qualité (AVIQ)",
        "INAMI": "l'assurance maladie (INAMI)",
        "SPF": "le service public fédéral (un ministère)",
        "SPW": "le Service public de Wallonie",
        "ISP": "l'aide pour trouver une formation ou un emploi (ISP)",
        "GRAPA": "la garantie de revenus aux personnes âgées (une pension minimum)",
        "ORP": "l'office régional de placement",
        "CAAMI": "la caisse publique d'assurance maladie (CAAMI)",
        "SAJ": "le service d'aide à la jeunesse (SAJ)",
        "ALE": "l'agence locale pour l'emploi (ALE)",
        "MR": "la maison de repos",
        "MRS": "la maison de repos et de soins",
        "FSE": "le Fonds social européen",
        "PCS": "le plan de cohésion sociale de la commune (PCS)",
    ]
}
