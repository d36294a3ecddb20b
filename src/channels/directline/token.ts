/**
 * Direct Line tokens for the local Direct Line: HMAC-signed (JWT HS256), short-lived, scoped to one
 * conversation. JWT shape because Web Chat's DirectLineJS decodes the token to read its `user` claim.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { RegionCode } from "../../shared/region.js";

export const TokenClaims = z.object({
  /** Conversation this token may read and write, and no other. */
  conv: z.string().min(1),
  /** User id, stamped on every activity posted with this token (DirectLineJS reads this claim). */
  user: z.string().min(1),
  region: RegionCode,
  iat: z.number().int(),
  exp: z.number().int(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

const HEADER = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

export class TokenIssuer {
  private readonly key: Buffer;

  /**
   * @param secret the Direct Line secret; the signing key is derived from it so that the secret itself
   *   never signs anything a browser holds.
   */
  constructor(
    secret: string,
    readonly ttlSeconds: number = 1800,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac("sha256", secret).update("spro-directline-token-v1").digest();
  }

  issue(claims: Pick<TokenClaims, "conv" | "user" | "region">): string {
    const iat = Math.floor(this.now() / 1000);
    const payload: TokenClaims = { ...claims, iat, exp: iat + this.ttlSeconds };
    const body = `${HEADER}.${base64url(JSON.stringify(payload))}`;
    return `${body}.${this.sign(body)}`;
  }

  verify(token: string): TokenCheck {
    const parts = token.split(".");
    if (parts.length !== 3) return { ok: false, reason: "malformed" };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: "bad_signature" };
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      return { ok: false, reason: "malformed" };
    }
    const claims = TokenClaims.safeParse(decoded);
    if (!claims.success) return { ok: false, reason: "malformed" };
    if (claims.data.exp * 1000 <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, claims: claims.data };
  }

  private sign(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}

/** Constant-time comparison for the Direct Line secret. */
export function secretMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A random secret for local mode, when none is configured: it lives only as long as the process. */
export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function newConversationId(): string {
  return randomBytes(16).toString("base64url");
}
