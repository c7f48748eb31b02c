/// The `config/crieur.json5` that `crieur init` writes: every setting with its
/// default value and a French comment for the administrator.
public enum DefaultConfiguration {
    /// The file for the channels of the registry in use: the built-in text,
    /// then the group of each channel that declares one (`ChannelModule.defaultConfigGroup`).
    public static var text: String {
        let groups = ChannelRegistry.current.modules.compactMap(\.defaultConfigGroup)
        guard !groups.isEmpty, let end = builtInText.range(of: "}", options: .backwards) else { return builtInText }
        let indented = groups.map { group in
            "\n" + group.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
                .joined(separator: "\n") + "\n"
        }
        return String(builtInText[..<end.lowerBound]) + indented.joined() + String(builtInText[end.lowerBound...])
    }

    static let builtInText = """
    // Configuration de Crieur pour ce centre.
    // Format JSON5 : les lignes qui commencent par // sont des commentaires.
    // Un réglage absent garde sa valeur par défaut. Après une modification,
    // redémarrez le service (« systemctl restart crieur ») pour qu'elle compte.
    {
      // Qui publie : ces informations apparaissent dans les pages et les messages.
      organisation: {
        name: "CPAS de Exemple",              // nom complet du centre
        // Le nom après « de », avec le bon article, tel qu'il s'écrit dans « la lettre
        // d'information du CPAS de Soumagne » ou « de la Commune de Blegny ». Vide : Crieur
        // le devine (« du » devant CPAS ou Centre, « de la » devant Commune ou Ville,
        // « de l' » devant une voyelle) ; écrivez-le ici si la phrase sonne faux.
        nameWithDe: "",
        address: "Rue de l'Exemple 1, 5000 Namur", // adresse postale (obligatoire dans les e-mails)
        phone: "081 00 00 00",                // numéro à appeler
        email: "info@cpas-exemple.be",        // adresse de contact
        website: "https://www.cpas-exemple.be",
      },

      // Envoi des e-mails de la lettre d'information.
      // Sans « url », les messages sont écrits dans out/newsletter/outbox/ (fichiers .eml)
      // au lieu d'être envoyés : pratique pour essayer sans serveur de messagerie.
      // L'identifiant et le mot de passe ne s'écrivent pas ici : donnez-les au service par
      // les variables d'environnement CRIEUR_SMTP_USER et CRIEUR_SMTP_PASSWORD
      // (CRIEUR_SMTP_URL remplace « url »). L'adresse postale du centre, obligatoire
      // dans chaque lettre, est celle d'« organisation » ci-dessus.
      smtp: {
        // Serveur d'envoi (relais de la commune, Microsoft 365…) :
        //   "smtp://smtp.office365.com:587" (STARTTLS, exigé sauf sur cette machine)
        //   ou "smtps://relais.commune.be:465". Le nom après le port, facultatif,
        //   est celui que Crieur annonce au serveur : "smtp://relais.commune.be:587/cpas.commune.be".
        url: "",
        // Expéditeur ; par défaut l'adresse et le nom d'« organisation ».
        fromAddress: "",
        fromName: "",
        // Adresse qui reçoit les réponses des abonnés (facultatif).
        replyTo: "",
        // Page https qui désinscrit en un clic (Crieur y ajoute « ?jeton=… »). Facultatif :
        // sans elle, la désinscription se fait par e-mail (adresse ci-dessous).
        unsubscribeURL: "",
        // Adresse qui reçoit les demandes de désinscription ; par défaut l'expéditeur.
        unsubscribeMailto: "",
        // Page https où un nouvel abonné confirme son inscription (facultatif :
        // sans elle, il confirme en répondant à l'e-mail).
        confirmURL: "",
        // Limites du serveur d'envoi : messages par minute et par jour (0 = pas de limite).
        // Microsoft 365 accepte 30 messages par minute et 10000 destinataires par jour.
        perMinute: 0,
        perDay: 0,
        // Connexions simultanées au serveur : 1 pour un petit relais ; plus de connexions
        // envoient plus vite si le serveur les accepte (demandez à votre service informatique).
        connections: 1,
        // Délais d'attente du serveur, en secondes. Un serveur muet plus longtemps est
        // laissé pour cette fois : le message sera réessayé, et l'envoi reprend plus tard.
        // connectTimeout : connexion, chiffrement (STARTTLS) et identification ;
        // replyTimeout : chaque réponse du serveur, dont celle qui accepte le message.
        // Microsoft 365 et un relais ordinaire répondent en quelques secondes ; un relais qui
        // analyse chaque message (antivirus) peut prendre jusqu'à une minute après la fin du message.
        connectTimeout: 30,
        replyTimeout: 60,
        // Le registre des envois (data/deliveries/, un fichier par numéro) reçoit chaque envoi avant le
        // message suivant ; il est forcé sur le disque tous les « syncEvery » envois,
        // à la fin de l'envoi et avant chaque attente. 1 = après chaque message (plus
        // lent) ; avec 64, une coupure de courant peut faire renvoyer au plus 64 messages.
        syncEvery: 64,
      },

      // Fuseau horaire des dates écrites dans les annonces.
      timeZone: "Europe/Brussels",

      // La file d'attente des annonces (dossier queue/).
      queue: {
        // Taille maximale d'une annonce, en octets (1048576 = 1 Mo).
        maxItemBytes: 1048576,
        // Un fichier déposé est pris quand il n'a plus changé depuis ce nombre
        // de secondes (un dossier partagé copie les fichiers petit à petit).
        settleSeconds: 1,
        // Le service relit toute la file au moins toutes les N secondes.
        rescanSeconds: 30,
        // Après une erreur passagère (disque plein…), nouvel essai après N minutes.
        retryMinutes: 15,
        // Les annonces refusées et leurs rapports plus vieux que N jours sont rangés
        // dans queue/rejected/ancien/ (jamais effacés).
        rejectedArchiveDays: 30,
      },

      // Les messages Facebook préparés dans out/facebook/.
      facebook: {
        // Au-delà de ce nombre de caractères, Crieur prévient : un message long est peu lu.
        warnAboveCharacters: 500,
        // Au-delà de ce nombre, l'annonce est refusée pour Facebook.
        refuseAboveCharacters: 5000,
        // Heure conseillée pour publier (HH:MM).
        suggestedTime: "10:00",
      },

      // Le brouillon du bulletin communal, un par trimestre, dans out/bulletin/
      // (AAAA-Tn.txt à copier, .html à imprimer, .odt pour Word ou LibreOffice, .fodt).
      bulletin: {
        // Bloc de contact imprimé sous chaque article. Ce qui manque est repris
        // du groupe « organisation » ci-dessus.
        contact: {
          openingHours: "du lundi au vendredi de 8 h 30 à 12 h",
        },
        // Limites de la commune, espaces compris. Un article trop long n'est jamais
        // coupé : le brouillon le signale en tête, avec le nombre de caractères à enlever.
        maxCharactersPerArticle: 1500,
        maxCharactersTotal: 6000,
        // Date limite de la commune pour chaque numéro (mois-jour, chaque année) :
        // T1 = numéro de janvier à mars, remis le 1er décembre de l'année d'avant.
        // Retirez une ligne pour qu'aucun brouillon automatique ne soit fait ce trimestre-là.
        deadlines: { T1: "12-01", T2: "03-01", T3: "06-01", T4: "09-01" },
        // Le service prépare le brouillon à partir de ce nombre de jours avant la date
        // limite, et le tient à jour jusqu'à elle. « crieur bulletin --quarter 2027-T1 »
        // le prépare à tout moment.
        daysBeforeDeadline: 14,
        // L'adresse e-mail de la personne qui fait le bulletin à la commune : chaque
        // brouillon nouveau ou modifié lui est envoyé tout seul (le .odt joint, le résumé
        // des longueurs dans le message), par le même chemin que la lettre d'information.
        // editorAddress: "bulletin@commune.be",
      },

      // La lettre d'information par e-mail et le consentement de ses abonnés (RGPD).
      // Chaque inscription est notée dans data/consent.jsonl avec sa preuve : qui, quand,
      // comment (formulaire papier n°…, formulaire web), pour quelle liste, et la version
      // du texte de consentement que la personne a accepté.
      newsletter: {
        // Les listes d'abonnés. Le nom à gauche sert dans les commandes
        // (« crieur subscribers add … --list infos ») : minuscules sans accents, chiffres, tirets.
        // title : le nom de la liste montré aux abonnés.
        // doubleOptIn : true = la personne reçoit d'abord un e-mail pour confirmer son
        //   inscription, et rien d'autre tant qu'elle n'a pas confirmé (conseillé pour un
        //   formulaire web) ; false = l'inscription compte tout de suite (formulaire signé au guichet).
        lists: {
          infos: { title: "Les nouvelles du CPAS", doubleOptIn: false },
        },
        // La liste utilisée quand une commande n'en indique pas.
        defaultList: "infos",
        // Version du texte de consentement montré sur vos formulaires. Changez-la quand
        // vous changez ce texte : chaque inscription garde la version que la personne a acceptée.
        consentWording: "2026-01",
        // Quand part la lettre habituelle : « mensuel » (le premier, deuxième… lundi du mois ;
        // week: -1 pour le dernier) ou « hebdomadaire » (chaque lundi), à l'heure dite.
        // Une annonce « Urgent: oui » part tout de suite, sans attendre.
        schedule: { frequency: "mensuel", weekday: "lundi", week: 1, time: "09:00" },
      },

      // L'écran de la salle d'attente : la page out/slides/index.html, à ouvrir sur la télévision.
      ecran: {
        // Chaque diapositive reste au moins ce nombre de secondes (le temps de lever les yeux)…
        minimumSecondsPerSlide: 10,
        // … plus le temps de lire ses mots à cette vitesse (mots par minute). Un adulte lit
        // environ 240 mots par minute ; 80 laisse le temps aux personnes qui lisent lentement.
        readingWordsPerMinute: 80,
        // Au-delà de ce nombre de mots (titre et texte), l'annonce ne tient pas sur l'écran
        // en grands caractères : elle est refusée pour l'écran.
        maxWordsPerSlide: 70,
        // La page vérifie toutes les N secondes si les annonces ont changé.
        pollSeconds: 60,
      },

      // L'agenda : Crieur écrit dans out/calendar/ un fichier .ics par événement (la ligne « Quand »
      // d'une annonce) et agenda.ics, tous les événements à venir, pour le site de la commune.
      calendar: {
        // L'adresse web où le site publie le dossier out/calendar/, par exemple
        // "https://www.cpas-exemple.be/agenda/". Avec elle, la lettre d'information, les affiches
        // et le flux du site ont un lien « Ajouter à mon agenda ». Vide : pas de lien.
        publicURL: "",
      },

      // Les pages publiques d'inscription, de confirmation et de désinscription, servies par le
      // serveur web de la commune (« crieur web », voir le README et contrib/web/). Retirez les //
      // et indiquez l'adresse des pages : les e-mails y renverront.
      // web: {
      //   baseURL: "https://www.cpas-exemple.be/lettre",
      //   consentText: "",        // vide : un texte par défaut au nom du CPAS (sa version : newsletter.consentWording)
      //   perAddressPerDay: 3,    // demandes d'inscription permises par adresse en 24 heures
      // },

      // Le bureau des annonces (« crieur bureau », voir le README) : les agents écrivent, vérifient
      // et valident les annonces dans leur navigateur. Le serveur web de la commune dit qui est
      // connecté ; ici, chaque nom reçoit ses rôles : "redaction" (écrire, corriger et retirer ses
      // annonces), "validation" (aussi valider, renvoyer avec un commentaire, corriger et retirer
      // toute annonce), "admin" (tout). Un nom absent n'a accès à rien.
      desk: {
        // Par exemple { "marie": ["redaction"], "paul": ["validation"], "informatique": ["admin"] }
        users: {},
        // Canaux pour lesquels une annonce attend d'être validée avant sa publication (dans
        // queue/review/) : [] aucun, ["*"] tous, ou une liste comme ["facebook", "ecran"].
        approval: [],
        // Poids maximal d'une image envoyée par le bureau, en octets (5000000 = 5 Mo).
        pictureMaxBytes: 5000000,
      },

      // La boîte aux lettres où arrivent les retours (adresses qui n'existent plus, boîtes pleines) et
      // les demandes de désinscription par e-mail : celle de l'expéditeur de la lettre (smtp.fromAddress, sinon
      // organisation.email), qui est aussi l'adresse de retour. Le service la lit toutes les « pollMinutes »
      // minutes : il note les retours (une adresse en échec ne reçoit plus la lettre) et les désinscriptions,
      // range ces messages dans « handledFolder » et laisse tous les autres, non lus, pour une personne.
      // L'identifiant et le mot de passe ne s'écrivent pas ici : CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD
      // dans l'environnement du service. Sans « url », aucune boîte n'est lue.
      mailbox: {
        url: "",                          // par exemple "imaps://outlook.office365.com" ou "imaps://imap.commune.be"
        folder: "INBOX",                  // le dossier lu
        handledFolder: "Traités par Crieur", // où vont les messages traités (créé s'il manque)
        pollMinutes: 5,
      },

      // Combien de temps une annonce reste montrée. Elle l'est de sa date de « Publication »
      // (ou de son dépôt) jusqu'à sa date de « Fin ». Sans « Fin », jusqu'au dernier jour
      // de son « Quand » (le jour de l'événement). Sans l'une ni l'autre, pendant ce
      // nombre de jours, le jour de publication comptant pour le premier.
      // « crieur check » dit jusqu'à quand une annonce sans date de fin restera montrée.
      // La lettre d'information n'en a pas besoin : chaque annonce n'y part qu'une fois.
      window: {
        ecran: 30,     // l'écran de la salle d'attente
        feed: 30,      // le flux Atom pour le site de la commune
        bulletin: 90,  // le bulletin communal : l'annonce va dans chaque trimestre touché
      },

      // Le bottin social : un fichier par service dans le dossier directory/ (« crieur directory check »).
      directory: {
        // Une fiche dont la ligne « Vérifié le » a plus de ce nombre de mois (ou qui n'en a pas)
        // est marquée « à vérifier » dans le bottin et n'est pas proposée comme service de la semaine.
        staleAfterMonths: 12,
        // Le « service de la semaine » : chaque semaine, à ce jour et cette heure, une fiche du bottin
        // devient une annonce (file d'attente) publiée sur Facebook et sur l'écran pour la semaine.
        // newsletter: true l'ajoute aussi à la prochaine lettre d'information.
        weekly: { enabled: true, day: "lundi", time: "10:00", newsletter: false },
      },

      // Vérification du français simple : une annonce trop difficile pour un de ses
      // canaux est refusée, avec un rapport qui dit quoi réécrire.
      // Chaque clé est facultative : ce qui manque garde la valeur par défaut indiquée ici.
      readability: {
        // Seuils par canal, du plus strict (écran) au plus souple (bulletin).
        // minKandelMoles : score de lisibilité minimum (0 à 100 ; plus il est haut, plus le texte
        //   est facile). Échelle de Flesch adaptée au français par Kandel et Moles :
        //   70-80 facile, 60-70 standard, 50-60 assez difficile, moins de 50 difficile.
        // maxLix : indice LIX maximum (plus il est bas, plus le texte est facile). Pour le
        //   français, compter environ 5 points de plus que les paliers suédois : 40 facile, 50 moyen.
        // maxAverageSentenceWords : nombre moyen de mots par phrase. Les règles FALC (facile à lire
        //   et à comprendre) et le guide « Écrire pour être lu » demandent des phrases courtes,
        //   une idée par phrase ; environ 15 mots en moyenne pour un texte à lire à la maison.
        // maxSentenceWords : aucune phrase ne doit dépasser ce nombre de mots.
        // maxAdministrativeWords : mots administratifs tolérés (« afin de », « octroi », …).
        // maxWarnings : autres points à améliorer tolérés (passif, capitales, dates en chiffres, …).
        // Sans les écrire ici, chaque canal a aussi (valeurs par défaut pour écran, Facebook et
        // lettre d'information, bulletin) :
        // minSimplicity : indice de simplicité minimum, même échelle que minKandelMoles, qui compte
        //   aussi les mots peu courants (65, 60, 50) ;
        // rareWordRank : un mot qui n'est pas parmi les N mots les plus fréquents du français est
        //   « peu courant » (5000, 8000, 10000) ; maxRareWords : mots peu courants tolérés (pas de
        //   limite par défaut : ils comptent dans l'indice de simplicité).
        channels: {
          // L'écran de la salle d'attente se lit debout, de loin, en quelques secondes.
          ecran:      { minKandelMoles: 65, maxLix: 40, maxAverageSentenceWords: 10, maxSentenceWords: 15, maxAdministrativeWords: 0, maxWarnings: 1 },
          // Facebook et la lettre d'information se lisent vite, souvent sur un téléphone.
          facebook:   { minKandelMoles: 60, maxLix: 45, maxAverageSentenceWords: 12, maxSentenceWords: 18, maxAdministrativeWords: 1, maxWarnings: 2 },
          newsletter: { minKandelMoles: 60, maxLix: 45, maxAverageSentenceWords: 12, maxSentenceWords: 18, maxAdministrativeWords: 1, maxWarnings: 3 },
          // Le bulletin communal se lit sur papier, à la maison, avec plus de temps.
          bulletin:   { minKandelMoles: 50, maxLix: 50, maxAverageSentenceWords: 15, maxSentenceWords: 22, maxAdministrativeWords: 2, maxWarnings: 5 },
          // Le bottin social se lit sur papier ou sur téléphone, souvent dans l'urgence.
          directory:  { minKandelMoles: 55, maxLix: 48, maxAverageSentenceWords: 12, maxSentenceWords: 18, maxAdministrativeWords: 1, maxWarnings: 3 },
        },
        // Sigles que vos lecteurs connaissent (CPAS est déjà connu) : ils ne seront pas signalés.
        knownAcronyms: [],
        // Sigles propres à votre commune, avec l'explication à proposer au rédacteur.
        acronymExplanations: { /* "PCS": "le plan de cohésion sociale de la commune (PCS)" */ },
        // Mots administratifs à ajouter, avec le mot simple à proposer.
        administrativeWords: { /* "ad valvas": "au tableau d'affichage" */ },
        // Mots que vos lecteurs connaissent même s'ils sont rares en français courant (votre
        // glossaire) : ils ne seront pas signalés comme « mot peu courant ».
        knownWords: [ /* "guidance", "ALE" */ ],
        // Noms de lieux de la commune (villages, rues, salles) : jamais signalés comme mots peu courants.
        placeNames: [ /* "Marcinelle", "Ry d'Argent" */ ],
        // Un mot de ce nombre de syllabes ou plus est signalé comme long.
        longWordSyllables: 5,
        // Une parenthèse de plus de ce nombre de mots est signalée.
        maxParenthesisWords: 8,
        // Une phrase avec plus de ce nombre de nombres est signalée.
        maxNumbersPerSentence: 3,
        // Les scores (Kandel et Moles, LIX) ne comptent qu'à partir de ce nombre de mots :
        // sur une annonce de deux lignes, un seul nom propre fausse le score.
        minWordsForScores: 30,
      },
    }

    """
}
