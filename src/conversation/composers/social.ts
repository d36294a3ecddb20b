/** Short answers that state no facts: greeting and menu, thanks, goodbye, insults, other languages, odd input. */
import { REGIONS, type RegionCode } from "../../shared/region.js";
import { reply, withHumanOption, type Reply, type SuggestedAction } from "../reply.js";

export const MENU_ACTIONS: SuggestedAction[] = [
  { title: "Découvrir un métier", value: "Je cherche un métier" },
  { title: "Trouver selon mes goûts", value: "Je ne sais pas quoi faire" },
  { title: "L'apprentissage", value: "C'est quoi l'apprentissage ?" },
  { title: "Salaire d'un apprenti", value: "Combien gagne un apprenti ?" },
  { title: "De l'aide près de chez moi", value: "Où trouver de l'aide près de chez moi ?" },
];

const WHAT_I_DO = [
  "Je peux vous aider à :",
  "- découvrir un métier : ce qu'on y fait, comment y accéder, s'il recrute dans votre région ;",
  "- trouver des idées de métiers à partir de ce que vous aimez ;",
  "- comprendre l'apprentissage et calculer le salaire d'un apprenti ;",
  "- trouver un lieu d'information près de chez vous, ou parler à un conseiller.",
];

export function composeGreeting(region: RegionCode, firstTurn: boolean): Reply {
  const hello = firstTurn
    ? `Bonjour ! Je suis l'assistant du service public de l'orientation (${REGIONS[region].shortName}).`
    : "Bonjour !";
  return reply([hello, "", ...WHAT_I_DO, "", "Posez votre question avec vos mots."].join("\n"), {
    suggestedActions: withHumanOption(MENU_ACTIONS, 6),
  });
}

export function composeHelp(): Reply {
  return reply([...WHAT_I_DO, "", "Écrivez par exemple : « c'est quoi le métier de boulanger ? » ou « CIO à Dijon »."].join("\n"), {
    suggestedActions: withHumanOption(MENU_ACTIONS, 6),
  });
}

export function composeThanks(): Reply {
  return reply("Avec plaisir ! Avez-vous une autre question ?", { suggestedActions: withHumanOption(MENU_ACTIONS.slice(0, 3)) });
}

export function composeGoodbye(): Reply {
  return reply("Au revoir, et bonne continuation dans votre projet ! Vous pouvez revenir quand vous voulez.", {
    suggestedActions: withHumanOption([]),
  });
}

export function composeInsult(): Reply {
  return reply(
    "Je comprends que ce soit agaçant quand la réponse ne convient pas. Je suis là pour aider sur l'orientation, les métiers et l'apprentissage. Dites-moi ce que vous cherchez, ou demandez à parler à un conseiller.",
    { suggestedActions: withHumanOption(MENU_ACTIONS.slice(0, 3)) },
  );
}

export function composeOutOfScope(): Reply {
  return reply(
    [
      "Je ne peux pas répondre à cette question : je suis un assistant d'orientation.",
      "Je réponds sur les métiers, les formations, l'apprentissage et les lieux où se faire aider.",
    ].join(" "),
    { suggestedActions: withHumanOption(MENU_ACTIONS.slice(0, 4)) },
  );
}

export function composeNotFrench(): Reply {
  return reply(
    [
      "Ce service répond en français.",
      "Vous pouvez écrire avec des mots simples, par exemple : « je cherche un travail », « aide », « conseiller ».",
      "Un conseiller peut aussi vous aider.",
    ].join(" "),
    { suggestedActions: withHumanOption([{ title: "Aide", value: "aide" }]) },
  );
}

export function composeEmpty(): Reply {
  return reply("Je n'ai pas compris votre message. Pouvez-vous l'écrire avec quelques mots ? Par exemple : « métier de cuisinier ».", {
    suggestedActions: withHumanOption(MENU_ACTIONS.slice(0, 3)),
  });
}

export function composeUnsupportedInput(): Reply {
  return reply("Je ne peux lire que du texte. Pouvez-vous écrire votre question ?", {
    suggestedActions: withHumanOption(MENU_ACTIONS.slice(0, 3)),
  });
}

export function composeDataDeleted(): Reply {
  return reply(
    "C'est fait : j'ai effacé ce que j'avais gardé de notre conversation (âge, commune, métier consulté). Nous pouvons repartir de zéro.",
    { suggestedActions: withHumanOption(MENU_ACTIONS.slice(0, 3)) },
  );
}

export const TRUNCATED_NOTICE =
  "Votre message était très long : je n'ai lu que les 5 000 premiers caractères. Vous pouvez poser une question à la fois.";
