/**
 * Everyday French phrases mapped to ROME 4.0 interest centres ("J'aime ...", codes 1–30 of France Travail's
 * unix_centre_interet file). Phrases are neutral on purpose: an interest never implies a gender.
 */
import { anyOf } from "./any-of.js";

export const INTEREST_PHRASES: { centre: string; re: RegExp }[] = [
  { centre: "1", re: /\b(construire|batir|renover|renovation|chantiers?|batiment)\b/ },
  { centre: "14", re: /\b(bricoler|bricolage|de mes mains|avec mes mains|travail manuel|manuel|reparer|fabriquer)\b/ },
  { centre: "2", re: /\b(diriger|commander|manager|encadrer|chef d equipe|prendre des decisions)\b/ },
  { centre: "3", re: /\b(vendre|vente|commerce|negocier|les affaires|entreprendre|creer mon entreprise)\b/ },
  { centre: "4", re: /\b(contact|parler aux gens|rencontrer des gens|les gens|le public|accueillir|relationnel)\b/ },
  { centre: "5", re: /\b(service public|interet general|etre utile|utile a la societe)\b/ },
  { centre: "6", re: /\b(minutie|minutieux|minutieuse|precision|precis|precise|detail|details)\b/ },
  { centre: "7", re: /\b(dessin|dessiner|dessine|crayon|illustration|bd|bande dessinee)\b/ },
  { centre: "8", re: /\b(communiquer|convaincre|persuader|debattre|argumenter)\b/ },
  { centre: "9", re: /\b(dehors|plein air|exterieur|nature|jardin|jardiner|jardinage|plantes|foret|campagne)\b/ },
  { centre: "10", re: /\b(sciences?|decouvertes?|decouvrir|recherche|experiences|comprendre le monde|laboratoire)\b/ },
  { centre: "11", re: /\b(la loi|les regles|justice|droit|faire respecter)\b/ },
  { centre: "12", re: /\b(ecrire|ecriture|les mots|lire|lecture|rediger)\b/ },
  { centre: "13", re: /\b(sport|sportif|sportive|bouger|activite physique|physique|me depenser)\b/ },
  { centre: "15", re: /\b(chiffres|maths|mathematiques|calcul|calculer|compter)\b/ },
  { centre: "16", re: /\b(voyager|voyage|voyages|me deplacer|bouger partout|l etranger)\b/ },
  { centre: "17", re: /\b(animaux|animal|chiens?|chats?|betes)\b/ },
  { centre: "18", re: /\b(organiser|organisation|planifier|planning|gerer des projets)\b/ },
  { centre: "19", re: /\b(conduire|conduite|piloter|pilotage|volant|machines|engins)\b/ },
  { centre: "20", re: /\b(environnement|planete|ecologie|ecologique|climat|proteger la nature|recyclage)\b/ },
  { centre: "21", re: /\b(enfants|petite enfance|bebes|les jeunes)\b/ },
  { centre: "22", re: /\b(aider les autres|aider les gens|aider des gens|aider les personnes|prendre soin|soigner|soin|soins|aider)\b/ },
  { centre: "23", re: /\b(proteger|secourir|sauver des vies|secours|securite)\b/ },
  { centre: "24", re: /\b(transmettre|enseigner|expliquer|apprendre aux autres|former des gens)\b/ },
  { centre: "25", re: /\b(sensations fortes|adrenaline|risque|aventure)\b/ },
  { centre: "26", re: /\b(coulisses|spectacle|theatre|concerts?|cinema|tournage)\b/ },
  { centre: "27", re: /\b(cuisine|cuisiner|gastronomie|patisserie|faire a manger)\b/ },
  { centre: "28", re: /\b(cultures|langues etrangeres|autres pays|international)\b/ },
  { centre: "29", re: /\b(informatique|ordinateurs?|numerique|technologies?|tech|jeux video|coder|programmer|internet|robots?)\b/ },
  { centre: "30", re: /\b(art|arts|artiste|musique|chanter|danser|danse|creer|creation|creatif|creative|photo|photographie)\b/ },
];

const ANY_INTEREST = anyOf(INTEREST_PHRASES.map((i) => i.re));

/** Interest centre codes whose phrases occur in a normalised message, in table order, without duplicates. */
export function matchInterests(normalized: string): string[] {
  // Most messages name no interest: one run of the union rules them out before the thirty phrases are tried.
  if (!ANY_INTEREST.test(normalized)) return [];
  return [...new Set(INTEREST_PHRASES.filter((i) => i.re.test(normalized)).map((i) => i.centre))];
}
