/**
 * The website's chat page (French, accessible, region-branded) and the Content-Security-Policy that goes
 * with it. The page holds no secret: chat.js asks the server for a Direct Line token.
 */
import { REGIONS, type RegionCode } from "../../shared/region.js";

export interface ChatPageOptions {
  region: RegionCode;
  /** Where chat.js fetches its Direct Line token. */
  tokenUrl: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How each region is named in the page header (official name from src/shared/region.ts). */
function regionTitle(region: RegionCode): string {
  const info = REGIONS[region];
  return info.shortName === info.name ? info.name : `${info.shortName} – ${info.name}`;
}

export function renderChatPage(options: ChatPageOptions): string {
  const region = REGIONS[options.region];
  const other = REGIONS[options.region === "PAC" ? "BFC" : "PAC"];
  const title = regionTitle(options.region);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Assistant orientation – ${escapeHtml(title)}</title>
<link rel="stylesheet" href="/static/chat.css">
</head>
<body>
<a class="skip-link" href="#chat">Aller directement à la conversation</a>
<header role="banner" class="site-header">
  <div class="container">
    <p class="service-name">Service public régional de l'orientation</p>
    <p class="region-name">${escapeHtml(title)}</p>
  </div>
</header>
<main role="main" id="contenu" class="container">
  <h1>Vos questions sur l'orientation, les métiers et l'apprentissage</h1>
  <p class="intro">Cet assistant vous renseigne sur les métiers, les formations et l'apprentissage
  en ${escapeHtml(region.name)}. Il vous indique aussi où rencontrer un conseiller près de chez vous.
  Il répond avec des informations générales et cite ses sources.</p>
  <p class="intro">Ne donnez pas d'informations personnelles sensibles (santé, numéro de sécurité sociale…).</p>
  <section class="chat-section" aria-labelledby="chat-title">
    <h2 id="chat-title">Conversation avec l'assistant</h2>
    <p id="chat-status" class="chat-status" role="status" aria-live="polite"></p>
    <div id="chat" class="chat" role="region" aria-label="Fenêtre de conversation" tabindex="-1"
      data-region="${escapeHtml(region.code)}" data-token-url="${escapeHtml(options.tokenUrl)}"></div>
    <noscript><p>Cette conversation a besoin de JavaScript. Activez-le dans votre navigateur pour l'utiliser.</p></noscript>
  </section>
  <p class="region-switch">Vous habitez en ${escapeHtml(other.name)} ?
    <a href="/?region=${escapeHtml(other.code)}">Utiliser l'assistant de cette région</a></p>
</main>
<footer role="contentinfo" class="site-footer">
  <div class="container">
    <p>Le SPRO (service public régional de l'orientation) réunit les structures qui informent et conseillent
    sur les métiers, les formations et l'emploi.</p>
    <p>Cet assistant peut se tromper. Pour une décision importante, parlez-en avec un conseiller.</p>
  </div>
</footer>
<script src="/static/webchat.js"></script>
<script src="/static/chat.js"></script>
</body>
</html>
`;
}

/**
 * CSP for the page. Scripts only from this origin (no inline script); inline styles are allowed because
 * Web Chat injects its styles at run time; Direct Line traffic goes to this origin or to Azure's.
 */
export function chatPageCsp(options: { selfOrigin: string; directLineOrigin?: string; embedOrigins?: string[] }): string {
  const wsSelf = options.selfOrigin.replace(/^http/, "ws");
  const connect = ["'self'", wsSelf];
  if (options.directLineOrigin !== undefined) {
    connect.push(options.directLineOrigin, options.directLineOrigin.replace(/^http/, "ws"));
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // Only the sites listed in EMBED_ORIGINS may show the page in an iframe (clickjacking otherwise).
    `frame-ancestors ${["'self'", ...(options.embedOrigins ?? [])].join(" ")}`,
  ].join("; ");
}
