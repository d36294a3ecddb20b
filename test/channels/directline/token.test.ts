import { describe, expect, it } from "vitest";
import { TokenIssuer } from "../../../src/channels/directline/token.js";

describe("TokenIssuer", () => {
  const claims = { conv: "c1", user: "u1", region: "PAC" as const };

  it("verifies its own tokens and returns their claims", () => {
    const issuer = new TokenIssuer("s");
    const check = issuer.verify(issuer.issue(claims));
    expect(check).toMatchObject({ ok: true, claims: { conv: "c1", user: "u1", region: "PAC" } });
  });

  it("rejects a token signed with another secret", () => {
    const token = new TokenIssuer("other").issue(claims);
    expect(new TokenIssuer("s").verify(token)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a token whose claims were edited", () => {
    const issuer = new TokenIssuer("s");
    const [header, , signature] = issuer.issue(claims).split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, conv: "c2", iat: 0, exp: 9e9 })).toString("base64url");
    expect(issuer.verify(`${header}.${forged}.${signature}`).ok).toBe(false);
  });

  it("rejects an expired token", () => {
    let now = 0;
    const issuer = new TokenIssuer("s", 60, () => now);
    const token = issuer.issue(claims);
    now = 60_000;
    expect(issuer.verify(token)).toEqual({ ok: false, reason: "expired" });
  });
});
