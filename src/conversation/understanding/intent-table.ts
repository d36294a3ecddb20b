/**
 * The intents the bot understands, as data: patterns over normalised text (see normalize.ts) and single
 * keywords that tolerate typos. Weights say how strongly a signal points to its intent; the classifier
 * adds them up. Safety intents are ranked first by `priority`, whatever else the message contains.
 */

export const INTENTS = [
  "distress",
  "deleteData",
  "insult",
  "handoff",
  "booking",
  "apprenticeshipPay",
  "apprenticeship",
  "contacts",
  "interests",
  "job",
  "recruiting",
  "followUpPay",
  "followUpAccess",
  "followUpApprenticeship",
  "followUpCloseJobs",
  "help",
  "greeting",
  "thanks",
  "goodbye",
  "outOfScope",
] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentSignals {
  intent: Intent;
  /** Signals above every score: the intent wins as soon as one of its signals matches. */
  priority?: number;
  patterns: { re: RegExp; weight: number }[];
  /** Single words compared token by token, typos allowed on long words. */
  keywords?: { word: string; weight: number }[];
}

const p = (re: RegExp, weight = 3) => ({ re, weight });
const k = (words: string, weight = 2) => words.split(" ").map((word) => ({ word, weight }));

export const INTENT_TABLE: IntentSignals[] = [
  {
    intent: "distress",
    priority: 100,
    patterns: [
      // Common misspellings too ("suiside", "sucide"): a missed distress message costs more than a false alarm.
      p(/\b(suicid|suisid|sucid|sucide|suiside)/),
      p(/\b(envie de disparaitre|plus la force de vivre|je n en peux plus de vivre|me faire disparaitre|plus envie de rien)\b/),
      p(/\b(me|nous) (tuer|pendre|jeter sous|foutre en l air|faire du mal|ouvrir les veines)\b/),
      p(/\bmettre fin a (mes|ma) (jours|vie)\b/),
      p(/\b(en finir|envie de mourir|veux mourir|voudrais mourir|plus envie de vivre|marre de vivre|idees noires)\b/),
      // Said without the words above, and still a person to answer first: "envie de tout arrêter", "je me sens seule".
      p(/\b(envie de tout (arreter|lacher|abandonner)|je n en peux plus|j en peux plus|au bout du rouleau|plus gout a rien|je me sens (si |tellement |tres )?(seul|seule|vide|inutile))\b/),
      p(/\b(harcele|harcelee|harcelent|harcelement|cyberharcelement|me harcele\w*)\b/),
      p(/\bscarifi/),
      p(/\b(me|m) (frappe|frappent|bat|battent|viole|violent|maltrait\w*)\b/),
      p(/\b(maltrait\w*|inceste|attouchement\w*|enfant en danger)\b/),
      p(/\b(je suis|on m a|j ai ete) (battu|battue|viole|violee|agresse|agressee|frappe|frappee)\b/),
      p(/(^| )a l aide$/),
      p(/\b(au secours|appelez les secours|urgence vitale|je saigne|il saigne|elle saigne|ne respire plus|fait un malaise|overdose|je suis en danger|il y a le feu)\b/),
    ],
  },
  {
    intent: "deleteData",
    priority: 90,
    patterns: [
      p(/\b(supprim|effac|detrui|retir)\w* (toutes )?(mes|les|nos) (donnees|infos|informations|messages|conversations?)\b/),
      p(/\b(oubliez moi|oublie moi|droit a l oubli|rgpd)\b/),
    ],
  },
  {
    intent: "insult",
    // Exact words only: fuzzy matching would turn "comme" into "conne".
    patterns: [
      p(/\b(ta gueule|ferme la|nique|ntm|fdp|va te faire|casse toi)\b/, 4),
      p(/\b(t es|tu es|vous etes|t) (nul|nulle|con|conne|bete|debile|inutile|idiot|idiote|stupide)\b/, 4),
      p(/\b(connard|connasse|debile|abruti|abrutie|cretin|cretine|pute|salope|encule|batard|bouffon|teube)\b/, 2),
    ],
  },
  {
    intent: "handoff",
    patterns: [
      p(/\bparler (a|avec) (un|une|quelqu|des|le|la|mon|ma|vrai|vraie|personne|humain|conseill)/, 5),
      p(/\b(un|une|vrai|vraie) (humain|humaine|personne reelle|vraie personne|etre humain)\b/, 4),
      p(/\b(etre rappele|etre rappelee|me rappeler|rappelez moi|joindre (un|une|quelqu))/, 4),
      p(/\b(contacter|voir|rencontrer) (un|une) (conseiller|conseillere|psy ?en|personne)\b/, 4),
      // Leaving school is a decision to take with a counsellor, not a job fiche to read ("arrêter le lycée").
      p(/\b((tout )?(arreter|quitter|lacher|abandonner) (l ecole|le lycee|le college|les cours|mes etudes|la fac|mon cap|mon bac|ma formation)|decrochage|decroche (de l ecole|du lycee|du college|des cours))\b/, 5),
    ],
    keywords: k("conseiller conseillere humain", 1),
  },
  {
    intent: "booking",
    patterns: [
      p(/\bcabines?\b/, 5),
      p(/\b(rendez vous|rdv|creneau|reserver|reservation)\b/, 4),
      p(/\b(visio|visioconference|en ligne avec un)\b/, 2),
    ],
  },
  {
    intent: "apprenticeshipPay",
    patterns: [
      p(/\b(salaire|remuneration|paie|paye|smic|pourcentage|%)\b/, 2),
      p(/\b(gagne|gagner|gagnerai|gagnerais|touche|toucher|toucherai|payes?|paye|payee|remunere|remuneree)\b/, 2),
    ],
    keywords: k("salaire remuneration", 1),
  },
  {
    intent: "apprenticeship",
    patterns: [
      p(/\b(apprenti|apprentie|apprentis|apprenties|apprentissage|alternance|alternant|alternante|contrat pro|contrat de professionnalisation|cfa)\b/, 3),
      // Contract questions without the word "apprenti" still come from apprentices here.
      p(/\b(periode d essai|rompre (mon|le) contrat|rupture (de|du) contrat|me virer|me licencier|demissionner|maitre d apprentissage|mon patron|mon employeur)\b/, 2),
    ],
    keywords: k("apprentissage alternance apprenti", 3),
  },
  {
    intent: "contacts",
    patterns: [
      p(/\b(cio|mission locale|missions locales|cite des metiers|france travail|pole emploi|crij|bij|pij|cap emploi|france services|point information jeunesse|info jeunesse)\b/, 4),
      p(/\b(ou (trouver|aller|m adresser|s adresser|me renseigner)|pres de chez moi|a cote de chez moi|pres de moi|autour de moi|dans ma ville|adresse|horaires?|numero de telephone)\b/, 3),
      p(/\b(trouver|avoir|obtenir) de l aide\b/, 3),
      p(/\b(me faire (aider|accompagner)|un accompagnement)\b/, 2),
      p(/\b(qui (peut|pourrait) m (aider|accompagner|orienter|conseiller)|besoin d aide|besoin d un conseil|ou me renseigner)\b/, 3),
    ],
  },
  {
    intent: "interests",
    patterns: [
      p(/\b(j aime|j adore|je kiffe|passionne|passionnee|interesse|interessee|ce qui me plait|me plait|aimerais|je prefere|mes centres d interet|mes passions?)\b/, 2),
      p(/\b(travailler (dehors|en plein air|a l exterieur|de mes mains|avec mes mains)|aider les autres|bricoler)\b/, 3),
      // "je ne sais pas quoi faire", and a parent's "mon fils ne sait pas quoi faire".
      p(/\b((ne )?(sais|sait) pas (quoi faire|quel metier|vers quoi)|aucune idee de metier|pas d idee|m orienter|quel metier (pour moi|me correspond|est fait pour moi)|trouver ma voie|me reorienter|reconversion|me reconvertir|reconvertir|changer de (metier|voie|travail))\b/, 4),
    ],
  },
  {
    intent: "job",
    patterns: [
      p(/\b(metier|metiers|fiche metier|profession)\b/, 2),
      p(/\b(devenir|je veux etre|je voudrais etre|j aimerais etre|travailler comme|travailler en tant que|faire le metier|c est quoi (un|une)|que fait (un|une)|en quoi consiste)\b/, 3),
    ],
  },
  {
    intent: "recruiting",
    patterns: [
      p(/\b(recrutent|recrute|qui embauchent?|embauche le plus|metiers? (porteurs?|en tension|d avenir|qui marchent?|qui recrutent?)|du travail facilement|trouver du travail vite|secteurs? qui recrutent?)\b/, 5),
    ],
  },
  {
    intent: "followUpPay",
    patterns: [
      p(/^(et )?(le |la |les )?(salaire|paye|paie|remuneration)s?\b/, 4),
      p(/\bcombien (ca|on|il|elle) (gagne|touche|paye)\b/, 4),
      p(/\b(combien gagne (un|une)|salaire (d un|d une|moyen))\b/, 4),
    ],
  },
  {
    intent: "followUpAccess",
    patterns: [
      p(/\b(comment (y|on y|j y|je peux y) (acceder|arriver|entrer)|comment (le|la) devenir|comment devenir|quelle formation|quelles formations|quel diplome|quels diplomes|quelles etudes|y acceder|acces au metier)\b/, 4),
    ],
  },
  {
    intent: "followUpApprenticeship",
    patterns: [p(/^(et )?(en |par )?(apprentissage|alternance)( possible)?$/, 5), p(/\b(possible en|faire en|par l) (apprentissage|alternance)\b/, 4)],
  },
  {
    intent: "followUpCloseJobs",
    patterns: [p(/\b(metiers? (proches?|similaires?|voisins?|semblables?|du meme genre)|autres metiers|d autres idees)\b/, 5)],
  },
  {
    intent: "help",
    patterns: [p(/^(aide|help|menu|options?|\?+)$/, 5), p(/\b(que (peux|sais) tu faire|tu sers a quoi|vous servez a quoi|comment ca marche|que pouvez vous faire|qui es tu|qui etes vous)\b/, 4)],
  },
  {
    intent: "greeting",
    patterns: [p(/^(bonjour|bonsoir|salut|coucou|hello|hey|yo|bjr|slt|hi|wesh|re)\b/, 1)],
    keywords: k("bonjour bonsoir coucou", 1),
  },
  {
    intent: "thanks",
    patterns: [p(/\b(merci|mrc|mci|thanks|thx|c est gentil|super ca m aide|ca m aide)\b/, 2)],
  },
  {
    intent: "goodbye",
    patterns: [p(/\b(au revoir|aurevoir|bye|a plus|a \+|a bientot|bonne journee|bonne soiree|bonne nuit|ciao|adieu|a la prochaine)\b/, 2)],
  },
  {
    intent: "outOfScope",
    patterns: [
      p(/\b(recettes?|meteo|blague|horoscope|capitale de|president de la republique|elections?|bitcoin|crypto|score du match|resultats? du match|film|serie netflix|devoirs? de maths|traduis|ecris moi un poeme)\b/, 4),
      // Everyday small talk whose words also occur in the rules ("heure", "temps").
      p(/\b(quelle heure est il|il est quelle heure|quel temps fait il|quel temps va t il faire|quel jour (sommes nous|on est|est on))\b/, 4),
    ],
  },
];
