/**
 * The kiosk page of a cabine-conseil: large type, three big actions, the chat, a « Terminer » button and an
 * inactivity warning. The page holds no secret; kiosk.js gets a Direct Line token like the website does.
 */
import type { CabinSite } from "../../booking/catalog.js";
import { REGIONS } from "../../shared/region.js";

export interface KioskPageOptions {
  site: CabinSite;
  tokenUrl: string;
  /** Inactivity before everything is cleared, and how long the warning counts down before that. */
  idleSeconds: number;
  warningSeconds: number;
}

/** What the three big buttons say to the bot (the same words a person could type). */
export const KIOSK_UTTERANCES = {
  book: "Je voudrais réserver un rendez-vous ici",
  counsellor: "Je veux parler à un conseiller maintenant",
  forget: "Supprimer mes données",
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function head(title: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/kiosk/static/kiosk.css">
</head>`;
}

export function renderKioskPage(options: KioskPageOptions): string {
  const { site } = options;
  const region = REGIONS[site.region];
  const data = {
    "data-site": site.id,
    "data-region": site.region,
    "data-token-url": options.tokenUrl,
    "data-idle-seconds": String(options.idleSeconds),
    "data-warning-seconds": String(options.warningSeconds),
    "data-book-text": KIOSK_UTTERANCES.book,
    "data-counsellor-text": KIOSK_UTTERANCES.counsellor,
    "data-forget-text": KIOSK_UTTERANCES.forget,
  };
  const attributes = Object.entries(data)
    .map(([k, v]) => `${k}="${escapeHtml(v)}"`)
    .join(" ");
  return `${head(`Cabine-conseil – ${site.name}`)}
<body class="kiosk">
<header role="banner" class="kiosk-header">
  <div>
    <p class="service-name">Service public régional de l'orientation – ${escapeHtml(region.shortName)}</p>
    <p class="site-name">${escapeHtml(site.name)}</p>
  </div>
  <button type="button" id="end-session" class="end-button">Terminer</button>
</header>
<main role="main" id="kiosk" class="kiosk-main" ${attributes}>
  <h1>Bonjour ! Que souhaitez-vous faire ?</h1>
  <nav aria-label="Actions principales" class="actions">
    <button type="button" id="action-question" class="big-action">Poser une question</button>
    <button type="button" id="action-book" class="big-action">Réserver un rendez-vous ici</button>
    <button type="button" id="action-counsellor" class="big-action">Parler à un conseiller maintenant</button>
  </nav>
  <section class="chat-section" aria-labelledby="chat-title">
    <h2 id="chat-title">Conversation</h2>
    <p id="kiosk-status" class="kiosk-status" role="status" aria-live="polite"></p>
    <div id="chat-host" class="chat-host" role="region" aria-label="Fenêtre de conversation"></div>
    <noscript><p>Cette borne a besoin de JavaScript.</p></noscript>
  </section>
  <p class="privacy">Quand vous avez fini, appuyez sur « Terminer » : tout ce qui est écrit ici est effacé.
  Sans action de votre part pendant ${Math.round(options.idleSeconds / 60) || 1} minute(s), l'écran s'efface tout seul.</p>
</main>
<div id="idle-warning" class="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" hidden>
  <div class="idle-box">
    <h2 id="idle-title">Êtes-vous toujours là ?</h2>
    <p id="idle-text">Sans action de votre part, l'écran sera effacé dans <span id="idle-countdown">${options.warningSeconds}</span> secondes.</p>
    <button type="button" id="idle-continue" class="big-action">Je suis là, continuer</button>
  </div>
</div>
<script src="/static/webchat.js"></script>
<script src="/kiosk/static/kiosk.js"></script>
</body>
</html>
`;
}

/** A kiosk configured with a site id the catalog does not know: a plain French message, no chat. */
export function renderUnknownSitePage(siteId: string): string {
  return `${head("Borne non configurée")}
<body class="kiosk">
<main role="main" class="kiosk-main">
  <h1>Cette borne n'est pas encore prête</h1>
  <p>Le lieu « ${escapeHtml(siteId.slice(0, 64))} » n'est pas connu. Merci de prévenir l'accueil ou la mairie.</p>
  <p>Vous pouvez aussi utiliser l'assistant sur le site internet du service public régional de l'orientation.</p>
</main>
</body>
</html>
`;
}
