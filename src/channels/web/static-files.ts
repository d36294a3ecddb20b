/**
 * The page's static assets, served from a fixed list read at start: a name that is not in the list is a
 * 404, so no request path can ever reach another file (no path traversal by construction).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export interface StaticFile {
  body: Buffer;
  /** Compressed once, on first request that accepts it. */
  gzipped?: Buffer;
  contentType: string;
  etag: string;
  cacheControl: string;
}

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));

/** Web Chat's prebuilt bundle (React included), from its own package: no CDN. */
export function webChatBundlePath(): string {
  // The package's `exports` hide dist/; its CommonJS entry point is lib/index.js, beside dist/.
  const entry = createRequire(import.meta.url).resolve("botframework-webchat");
  return path.join(path.dirname(entry), "..", "dist", "webchat.js");
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Public name → file on disk. Add new assets here. */
function assetTable(): Record<string, { file: string; cacheControl: string }> {
  // Our own files change with each deploy and carry no version in their name: revalidate every time.
  const ours = "public, max-age=0, must-revalidate";
  return {
    "webchat.js": { file: webChatBundlePath(), cacheControl: "public, max-age=86400" },
    "chat.js": { file: path.join(PUBLIC_DIR, "chat.js"), cacheControl: ours },
    "chat.css": { file: path.join(PUBLIC_DIR, "chat.css"), cacheControl: ours },
  };
}

export class StaticAssets {
  private readonly files = new Map<string, StaticFile>();

  constructor() {
    for (const [name, { file, cacheControl }] of Object.entries(assetTable())) {
      const body = readFileSync(file);
      const contentType = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      this.files.set(name, { body, contentType, etag, cacheControl });
    }
  }

  get(name: string): StaticFile | undefined {
    return this.files.get(name);
  }

  gzipped(file: StaticFile): Buffer {
    file.gzipped ??= gzipSync(file.body);
    return file.gzipped;
  }
}
