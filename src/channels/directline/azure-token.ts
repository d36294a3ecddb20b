/**
 * Gets a Direct Line token from Azure Bot Service's Direct Line (DIRECTLINE_MODE=azure), server-side, so
 * the secret never reaches the browser.
 */
import { z } from "zod";

export const AzureTokenResponse = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});
export type AzureTokenResponse = z.infer<typeof AzureTokenResponse>;

export class AzureDirectLineError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = "AzureDirectLineError";
  }
}

export interface AzureTokenRequest {
  /** Base URL such as https://directline.botframework.com/v3/directline (config.directLine.azureDomain). */
  domain: string;
  secret: string;
  userId: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export async function fetchAzureDirectLineToken(request: AzureTokenRequest): Promise<AzureTokenResponse> {
  const url = `${request.domain.replace(/\/+$/, "")}/tokens/generate`;
  let response: Response;
  try {
    response = await (request.fetchImpl ?? fetch)(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${request.secret}`, "Content-Type": "application/json" },
      // Binding the user id into the token stops a page from impersonating another user.
      body: JSON.stringify({ user: { id: request.userId } }),
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw new AzureDirectLineError(`Direct Line unreachable: ${(err as Error).message}`, undefined);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new AzureDirectLineError(`Direct Line answered ${response.status}`, response.status);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new AzureDirectLineError("Direct Line answered with invalid JSON", response.status);
  }
  const parsed = AzureTokenResponse.safeParse(json);
  if (!parsed.success) throw new AzureDirectLineError("Direct Line answered an unexpected shape", response.status);
  return parsed.data;
}
