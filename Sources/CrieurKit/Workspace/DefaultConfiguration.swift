/// The `config/crieur.json5` that `crieur init` writes: every setting with its
/// default value and a French comment for the administrator.
public enum DefaultConfiguration {
    public static let text = """
    // Configuration de Crieur pour ce centre.
    // Format JSON5 : les lignes qui commencent par // sont des commentaires.
    // Un réglage absent garde sa valeur par défaut. Après une modification,
    // redémarrez le service (« systemctl restart crieur ») pour qu'elle compte.
    {
      // Qui publie : ces informations apparaissent dans les pages et les messages.
      organisation: {
        name: "CPAS de Exemple",              // nom complet du centre
        address: "Rue de l'Exemple 1, 5000 Namur", // adresse postale (obligatoire dans les e-mails)
        phone: "081 00 00 00",                // numéro à appeler
        email: "info@cpas-exemple.be",        // adresse de contact
        website: "https://www.cpas-exemple.be",
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
    }

    """
}
