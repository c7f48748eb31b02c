/// The newsletter templates `crieur init` writes into `templates/newsletter/`,
/// also used when a file is missing there. The centre may edit the copies; the
/// names they may use are listed in the comment at the top of each one.
public enum NewsletterDefaultTemplates {
    /// File name and text, in the order they are written.
    public static let files: [(name: String, text: String)] = [
        ("message.html", messageHTML),
        ("message.txt", messageText),
        ("confirmation.html", confirmationHTML),
        ("confirmation.txt", confirmationText),
    ]

    /// Readable with images off (there are none: no text in pictures), on a
    /// phone (one column of at most 640 px, 18 px text, buttons at least 44 px
    /// tall, long links wrapped) and in dark mode (`color-scheme` and a
    /// `prefers-color-scheme` block). The colours are also written on the
    /// elements themselves, text and background together, for the mail
    /// programs that drop `<style>`; the dark block overrides them.
    static let style = """
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="supported-color-schemes" content="light dark">
    <style>
      :root { color-scheme: light dark; supported-color-schemes: light dark; }
      body { margin: 0; padding: 0; background-color: #ffffff; color: #1a1a1a;
             font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 18px; line-height: 1.6; }
      .page { max-width: 640px; margin: 0 auto; padding: 20px 16px; background-color: #ffffff; color: #1a1a1a;
              overflow-wrap: break-word; word-wrap: break-word; }
      .centre { margin: 0; font-weight: bold; }
      h1 { font-size: 28px; line-height: 1.25; margin: 8px 0; }
      h2 { font-size: 23px; line-height: 1.3; margin: 36px 0 8px; }
      p, ul { margin: 0 0 14px; }
      a { color: #0b4f9c; text-decoration: underline; overflow-wrap: anywhere; }
      .bouton { display: inline-block; box-sizing: border-box; min-height: 44px; padding: 8px 16px;
                border: 2px solid currentColor; border-radius: 6px; font-weight: bold; }
      .sommaire { margin: 24px 0 0; padding: 4px 16px 8px; border-left: 4px solid #0b4f9c; }
      .sommaire h2 { margin: 12px 0 4px; font-size: 20px; }
      .sommaire ul { padding-left: 20px; }
      .sommaire a { display: block; padding: 8px 0; }
      .urgent { font-weight: bold; color: #a30000; }
      footer { margin-top: 40px; padding-top: 16px; border-top: 2px solid #1a1a1a; font-size: 16px; }
      @media (prefers-color-scheme: dark) {
        body, .page { background-color: #121212 !important; color: #f0f0f0 !important; }
        a { color: #9ecbff !important; }
        .sommaire { border-left-color: #9ecbff; }
        .urgent { color: #ff9e9e !important; }
        footer { border-top-color: #f0f0f0; }
      }
    </style>
    """

    static let messageHTML = """
    {{! Lettre d'information, version HTML. Noms disponibles :
        centre.nom, centre.de (le nom après « de » : « du CPAS de Soumagne »), centre.adresse,
        centre.telephone, centre.email, centre.site ;
        lettre.titre, lettre.date, lettre.titreDate (vrai quand le titre dit déjà la date),
        lettre.sommaire (vrai quand le numéro a plus de trois annonces) ;
        abonne.nom ; desinscription.lien ;
        annonces (une liste) et, pour chaque annonce : titre, ancre (« annonce-1 », « annonce-2 »… :
        la cible des liens du sommaire), texte, lieu, quand, agenda (l'adresse du fichier .ics
        de l'événement, quand « calendar.publicURL » est réglé), lien, urgent.
        Une section ouverte par « # » n'affiche son contenu que si le nom existe (et le
        répète pour chaque annonce) ; ouverte par « ^ », seulement s'il est vide ; « / » la
        ferme. Le texte des annonces est toujours protégé. Voir templates/LISEZMOI.txt. }}
    <!DOCTYPE html>
    <html lang="fr">
    <head>
    <title>{{lettre.titre}}</title>
    \(style)
    </head>
    <body style="margin: 0; padding: 0; background-color: #ffffff; color: #1a1a1a;">
    <div class="page" style="max-width: 640px; margin: 0 auto; padding: 20px 16px; background-color: #ffffff; color: #1a1a1a; font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 18px; line-height: 1.6;">
    <header>
    <p class="centre">{{centre.nom}}</p>
    <h1>{{lettre.titre}}</h1>
    {{^lettre.titreDate}}
    <p>{{lettre.date}}</p>
    {{/lettre.titreDate}}
    </header>
    <main>
    {{#abonne.nom}}
    <p>Bonjour {{abonne.nom}},</p>
    {{/abonne.nom}}
    {{#lettre.sommaire}}
    <nav class="sommaire" aria-labelledby="sommaire">
    <h2 id="sommaire">Dans ce numéro</h2>
    <ul>
    {{#annonces}}
    <li><a href="#{{ancre}}">{{titre}}</a></li>
    {{/annonces}}
    </ul>
    </nav>
    {{/lettre.sommaire}}
    {{#annonces}}
    <article id="{{ancre}}">
    <h2>{{titre}}</h2>
    {{#urgent}}
    <p class="urgent">Urgent</p>
    {{/urgent}}
    {{texte}}
    {{#lieu}}
    <p><strong>Où :</strong> {{lieu}}</p>
    {{/lieu}}
    {{#quand}}
    <p><strong>Quand :</strong> {{quand}}</p>
    {{/quand}}
    {{#agenda}}
    <p><a class="bouton" href="{{agenda}}">Ajouter à mon agenda</a></p>
    {{/agenda}}
    {{#lien}}
    <p><a class="bouton" href="{{lien}}">En savoir plus : {{titre}}</a></p>
    {{/lien}}
    </article>
    {{/annonces}}
    </main>
    <footer>
    <p>{{centre.nom}}<br>{{centre.adresse}}</p>
    {{#centre.telephone}}
    <p>Téléphone : {{centre.telephone}}</p>
    {{/centre.telephone}}
    <p>Vous recevez la lettre d'information {{centre.de}} parce que vous vous y êtes inscrit.
    Pour ne plus la recevoir : <a href="{{desinscription.lien}}">se désinscrire</a>.</p>
    </footer>
    </div>
    </body>
    </html>

    """

    static let messageText = """
    {{! Lettre d'information, version texte (mêmes noms que message.html). }}
    {{centre.nom}}

    {{lettre.titre}}
    {{^lettre.titreDate}}
    {{lettre.date}}
    {{/lettre.titreDate}}

    {{#abonne.nom}}
    Bonjour {{abonne.nom}},

    {{/abonne.nom}}
    {{#lettre.sommaire}}
    Dans ce numéro :
    {{#annonces}}
    - {{titre}}
    {{/annonces}}

    {{/lettre.sommaire}}
    {{#annonces}}
    ----------------------------------------
    {{titre}}
    {{#urgent}}
    URGENT
    {{/urgent}}

    {{texte}}

    {{#lieu}}
    Où : {{lieu}}
    {{/lieu}}
    {{#quand}}
    Quand : {{quand}}
    {{/quand}}
    {{#agenda}}
    Ajouter à mon agenda : {{agenda}}
    {{/agenda}}
    {{#lien}}
    En savoir plus : {{lien}}
    {{/lien}}

    {{/annonces}}
    ----------------------------------------
    {{centre.nom}}
    {{centre.adresse}}
    {{#centre.telephone}}
    Téléphone : {{centre.telephone}}
    {{/centre.telephone}}

    Vous recevez la lettre d'information {{centre.de}} parce que vous vous y êtes inscrit.
    Pour ne plus la recevoir : {{desinscription.lien}}

    """

    static let confirmationHTML = """
    {{! Demande de confirmation d'inscription (double opt-in). Noms disponibles :
        centre.nom, centre.de (le nom après « de » : « du CPAS de Soumagne »), centre.adresse,
        centre.telephone, centre.email, centre.site ; confirmation.lien.
        abonne.nom y est toujours vide : l'adresse n'est pas encore confirmée. }}
    <!DOCTYPE html>
    <html lang="fr">
    <head>
    <title>Confirmez votre inscription</title>
    \(style)
    </head>
    <body style="margin: 0; padding: 0; background-color: #ffffff; color: #1a1a1a;">
    <div class="page" style="max-width: 640px; margin: 0 auto; padding: 20px 16px; background-color: #ffffff; color: #1a1a1a; font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 18px; line-height: 1.6;">
    <header>
    <p class="centre">{{centre.nom}}</p>
    <h1>Confirmez votre inscription</h1>
    </header>
    <main>
    <p>Bonjour{{#abonne.nom}} {{abonne.nom}}{{/abonne.nom}},</p>
    <p>Vous avez demandé à recevoir la lettre d'information {{centre.de}}.</p>
    <p>Pour la recevoir, confirmez votre inscription :</p>
    <p><a class="bouton" href="{{confirmation.lien}}">Je confirme mon inscription</a></p>
    <p>Vous n'avez rien demandé ? Ne faites rien : vous ne recevrez pas d'autre message.</p>
    </main>
    <footer>
    <p>{{centre.nom}}<br>{{centre.adresse}}</p>
    {{#centre.telephone}}
    <p>Une question ? Téléphone : {{centre.telephone}}</p>
    {{/centre.telephone}}
    </footer>
    </div>
    </body>
    </html>

    """

    static let confirmationText = """
    {{! Demande de confirmation d'inscription, version texte (mêmes noms que confirmation.html). }}
    {{centre.nom}}

    Confirmez votre inscription

    Bonjour{{#abonne.nom}} {{abonne.nom}}{{/abonne.nom}},

    Vous avez demandé à recevoir la lettre d'information {{centre.de}}.
    Pour la recevoir, confirmez votre inscription avec ce lien :
    {{confirmation.lien}}

    Vous n'avez rien demandé ? Ne faites rien : vous ne recevrez pas d'autre message.

    ----------------------------------------
    {{centre.nom}}
    {{centre.adresse}}
    {{#centre.telephone}}
    Une question ? Téléphone : {{centre.telephone}}
    {{/centre.telephone}}

    """
}
