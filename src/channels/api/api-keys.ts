/**
 * API keys of kiosks and advisers: stored as SHA-256 hashes (a leaked file does not leak keys), compared in
 * constant time, each kiosk key limited to its own cabin site.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";

export const ApiKeyEntry = z.discriminatedUnion("role", [
  z.object({ id: z.string().min(1).max(100), role: z.literal("kiosk"), siteId: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ id: z.string().min(1).max(100), role: z.literal("adviser"), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
]);
export type ApiKeyEntry = z.infer<typeof ApiKeyEntry>;
export const ApiKeysFile = z.array(ApiKeyEntry);

export type ApiPrincipal = { id: string; role: "kiosk"; siteId: string } | { id: string; role: "adviser" };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export class ApiKeyring {
  private readonly entries: Array<{ principal: ApiPrincipal; hash: Buffer }>;

  constructor(entries: ApiKeyEntry[]) {
    this.entries = entries.map((e) => ({
      principal: e.role === "kiosk" ? { id: e.id, role: "kiosk", siteId: e.siteId } : { id: e.id, role: "adviser" },
      hash: Buffer.from(e.sha256, "hex"),
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The key's owner, or undefined. Every entry is compared, so timing does not tell which one matched. */
  authenticate(presented: string | undefined): ApiPrincipal | undefined {
    if (presented === undefined || presented.length === 0 || presented.length > 512) return undefined;
    const hash = createHash("sha256").update(presented, "utf8").digest();
    let found: ApiPrincipal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.hash, hash) && found === undefined) found = entry.principal;
    }
    return found;
  }
}

/** Reads API_KEYS_FILE: a JSON array of `{ id, role, siteId?, sha256 }` (see `hashApiKey`). */
export async function loadApiKeyring(file: string | undefined): Promise<ApiKeyring> {
  if (file === undefined) return new ApiKeyring([]);
  const raw: unknown = JSON.parse(await readFile(file, "utf8"));
  const parsed = ApiKeysFile.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`API_KEYS_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return new ApiKeyring(parsed.data);
}
