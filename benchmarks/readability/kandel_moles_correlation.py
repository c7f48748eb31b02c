#!/usr/bin/env python3
"""Pearson correlation between Crieur's Kandel & Moles score and textstat's
French Flesch reading ease on 30 varied French paragraphs (plain CPAS notices,
news, administrative prose, literature). Goal: r >= 0.9.

Crieur's scores come from the real `crieur check --format json` (built in
release), one file per paragraph, all in one invocation.

Usage (from the repository root): python3 benchmarks/readability/kandel_moles_correlation.py
Needs: textstat (`scripts/setup --tests` puts it in .venv-peers/, which this script uses)
"""
import os
import tempfile

import crieur_cli

PARAGRAPHS = [
    "Le CPAS est fermé lundi. Appelez le 0800 12 345 en cas d'urgence.",
    "Vous avez besoin d'aide ? Venez au CPAS. Nous vous écoutons.",
    "Le repair café a lieu samedi. Venez avec votre vélo. C'est gratuit.",
    "Un avocat vous écoute une fois par mois. C'est gratuit. Prenez rendez-vous.",
    "Nous cuisinons ensemble. Le repas coûte deux euros. Venez mardi.",
    "Le chat dort sur le lit. Il fait beau. Les enfants jouent dans le jardin.",
    "Vous cherchez un travail ? Le CPAS vous aide à écrire votre lettre. Venez le mardi matin.",
    "La bibliothèque prête des livres pour les enfants. Elle est ouverte le mercredi après-midi.",
    "Il pleut depuis trois jours. La rivière monte. Les pompiers surveillent les berges du village.",
    "Le marché de Noël ouvre vendredi sur la place communale. Vous y trouverez des cadeaux faits main et du vin chaud.",
    "La commune installe de nouveaux bancs dans le parc. Les travaux durent une semaine. Le parc reste ouvert.",
    "Le conseil communal a voté le budget de l'année prochaine, qui prévoit des investissements dans les écoles et les voiries.",
    "Les inscriptions pour les stages d'été commencent le premier mars. Les places sont limitées, inscrivez vos enfants rapidement.",
    "Le gouvernement fédéral a annoncé une réforme des pensions qui modifiera progressivement l'âge de départ et le calcul des droits.",
    "La température moyenne a augmenté de plus d'un degré depuis le début du siècle dernier, selon les observations des climatologues.",
    "Le musée présente une exposition consacrée aux peintres impressionnistes, avec des œuvres prêtées par plusieurs collections européennes.",
    "Longtemps, je me suis couché de bonne heure. Parfois, à peine ma bougie éteinte, mes yeux se fermaient si vite que je n'avais pas le temps de me dire : je m'endors.",
    "Aujourd'hui, maman est morte. Ou peut-être hier, je ne sais pas. J'ai reçu un télégramme de l'asile.",
    "La réussite éducative des élèves issus de milieux défavorisés constitue un enjeu majeur des politiques publiques contemporaines.",
    "L'évaluation des dispositifs d'accompagnement socioprofessionnel nécessite l'élaboration d'indicateurs pertinents et la mobilisation coordonnée des partenaires institutionnels.",
    "Conformément aux dispositions réglementaires en vigueur, les bénéficiaires sont susceptibles de solliciter préalablement l'octroi d'une intervention financière complémentaire.",
    "La détermination du montant de l'intervention s'effectue sur la base des revenus imposables du ménage, déduction faite des charges exceptionnelles dûment justifiées.",
    "Dans le cadre de la mise en œuvre du plan stratégique transversal, le centre public d'action sociale entend renforcer l'accompagnement individualisé des personnes.",
    "L'administration communale informe la population que la délivrance des documents d'identité électroniques nécessite dorénavant une prise de rendez-vous préalable.",
    "Toute réclamation relative à la facturation des prestations doit être introduite par écrit auprès du service compétent dans un délai de trente jours calendrier.",
    "La philosophie transcendantale kantienne interroge les conditions de possibilité de la connaissance objective indépendamment de toute expérience particulière.",
    "Les mécanismes épigénétiques régulent l'expression différentielle des gènes sans modification de la séquence nucléotidique de l'acide désoxyribonucléique.",
    "Le soleil brille. Les oiseaux chantent. Marie lit un livre sous un arbre.",
    "Apportez votre carte d'identité. Apportez aussi votre facture. Nous faisons la demande avec vous.",
    "L'interprétation jurisprudentielle des dispositions constitutionnelles relatives à la répartition des compétences demeure particulièrement controversée.",
]


def main():
    crieur_cli.use_peers_python()
    crieur = crieur_cli.build()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, paragraph in enumerate(PARAGRAPHS):
            paths.append(os.path.join(tmp, f"paragraph-{i:02}.txt"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(paragraph + "\n")
        ours = [report["metrics"]["kandelMoles"] for report in crieur_cli.check(crieur, paths)]

    import textstat
    textstat.set_lang("fr")
    theirs = [textstat.flesch_reading_ease(p) for p in PARAGRAPHS]

    n = len(ours)
    mx, my = sum(ours) / n, sum(theirs) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(ours, theirs))
    sx = sum((a - mx) ** 2 for a in ours) ** 0.5
    sy = sum((b - my) ** 2 for b in theirs) ** 0.5
    print(f"paragraphs: {n}")
    print(f"Pearson r (Crieur Kandel & Moles vs textstat French Flesch): {cov / (sx * sy):.3f}")


if __name__ == "__main__":
    main()
