/**
 * Answers to distress, always before anything else. Numbers and their sources were checked on 2026-11-23:
 * 3114 (service-public.fr, A15206), 119 (allo119.gouv.fr, Allô enfance en danger), 15/17/112 and 114 by SMS
 * (service-public.fr, F33954 "Quels sont les numéros en cas d'urgence"). 3018 as the single national number for
 * harassment at school and cyber-harassment of minors: the Senate's written question no. 08635 (2023, answered by
 * the Ministry of Education), read on 2026-12-05 in a public copy of the page; only the number and its purpose are
 * stated, its opening hours are not (sources disagreed).
 */
import type { Citation, Reply } from "../reply.js";
import { reply, withHumanOption } from "../reply.js";
import type { DistressKind } from "../understanding/understand.js";

export const DISTRESS_SOURCES = {
  suicide: {
    name: "Service-public.fr — Le 3114, numéro national de prévention du suicide",
    url: "https://www.service-public.fr/particuliers/actualites/A15206",
    text: "Le 3114 est gratuit, joignable 24 heures sur 24 et 7 jours sur 7, avec des professionnels de la santé mentale.",
  },
  child: {
    name: "119 Allô enfance en danger",
    url: "https://www.allo119.gouv.fr/",
    text: "Le 119 est gratuit, joignable 24 heures sur 24, 7 jours sur 7, et n'apparaît pas sur les factures.",
  },
  harassment: {
    name: "Sénat — question écrite n° 08635 (2023) : le 3018, numéro national unique contre le harcèlement à l'école",
    url: "https://www.senat.fr/questions/base/2023/qSEQ231008635.html",
    text: "Le 3018 est le numéro d'appel national unique pour signaler le harcèlement à l'école et le cyberharcèlement subi par des mineurs.",
  },
  emergency: {
    name: "Service-public.fr — Numéros d'urgence",
    url: "https://www.service-public.fr/particuliers/vosdroits/F33954",
    text: "15 (Samu), 17 (police), 112 (urgence européenne), 114 par SMS pour les personnes sourdes ou malentendantes.",
  },
} satisfies Record<DistressKind, Citation>;

const EMERGENCY_LINES = [
  "- **15** : Samu, urgence médicale",
  "- **17** : police ou gendarmerie",
  "- **112** : numéro d'urgence européen",
  "- **114** : par SMS, si vous êtes sourd, malentendant ou si vous ne pouvez pas parler",
];

const OPENINGS: Record<DistressKind, string[]> = {
  suicide: [
    "Merci de me l'avoir écrit. Ce que vous vivez compte, et vous n'avez pas à rester seul ou seule avec ça.",
    "Appelez le **3114**, le numéro national de prévention du suicide. C'est gratuit, 24 heures sur 24, 7 jours sur 7. Des professionnels vous écoutent.",
    "Si vous êtes en danger tout de suite :",
  ],
  child: [
    "Merci de me l'avoir écrit. Ce n'est pas de votre faute, et vous avez le droit d'être protégé ou protégée.",
    "Appelez le **119** (Allô enfance en danger). C'est gratuit, 24 heures sur 24, 7 jours sur 7, et l'appel n'apparaît pas sur les factures.",
    "Si vous êtes en danger tout de suite :",
  ],
  harassment: [
    "Merci de me l'avoir écrit. Ce n'est pas de votre faute, et vous n'avez pas à le vivre seul ou seule.",
    "Appelez le **3018**, le numéro national contre le harcèlement à l'école et le cyberharcèlement. Vous pouvez aussi en parler à un adulte de confiance.",
    "Si vous êtes en danger tout de suite :",
  ],
  emergency: ["Si une personne est en danger maintenant, appelez les secours :"],
};

export function composeDistress(kind: DistressKind): Reply {
  const citations: Citation[] = [DISTRESS_SOURCES[kind]];
  if (kind !== "emergency") citations.push(DISTRESS_SOURCES.emergency);
  const text = [...OPENINGS[kind].slice(0, -1), "", OPENINGS[kind].at(-1) ?? "", ...EMERGENCY_LINES].join("\n");
  const tail =
    kind === "suicide"
      ? "\n\nJe suis un assistant d'orientation : je ne remplace pas une personne. Quand vous le voudrez, je pourrai aussi vous aider pour vos projets."
      : "";
  return reply(text.trim() + tail, {
    citations,
    suggestedActions: withHumanOption([]),
  });
}
