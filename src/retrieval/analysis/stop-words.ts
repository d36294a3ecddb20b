/** French function words that carry no topic, in folded form (no accents), for documents and queries alike. */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma
  mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
  ton tu un une vos votre vous y c d j l m n s t etc ete etre est sont suis es etes etait ai as avons avez
  ont avoir fait faire ceci cela ca dont donc or ni car si tout tous toute toutes tres plus moins aussi
  comme chez entre vers sans sous selon lors afin ainsi alors puis deja encore ici la-bas quel quelle
  quels quelles quoi comment combien pourquoi quand ou-est cest sont-ils leur-s autre autres chaque
  certains certaines plusieurs peu beaucoup bien`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
