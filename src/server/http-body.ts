/**
 * Reading and answering HTTP bodies at the edge: bounded JSON bodies parsed with zod, and errors as
 * `{ error, message }` with the right status, so bad input is never a 500.
 */
import type { Request, Response } from "restify";
import type { z } from "zod";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(body));
}

export function sendError(res: Response, error: HttpError): void {
  if (res.headersSent) return;
  sendJson(res, error.status, { error: error.code, message: error.message });
}

/** Reads the raw body up to `maxBytes`; throws HttpError 413 beyond it. */
export async function readBody(req: Request, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new HttpError(413, "payload_too_large", `Body larger than ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      // Keep draining so the socket can still carry the 413 response.
      req.resume();
      throw new HttpError(413, "payload_too_large", `Body larger than ${maxBytes} bytes.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body and parses it with `schema`; an empty body is read as `{}`. */
export async function readJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes: number = DEFAULT_MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const raw = await readBody(req, maxBytes);
  let value: unknown = {};
  const text = raw.toString("utf8").trim();
  if (text !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpError(400, "malformed_json", "The body is not valid JSON.");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ");
    throw new HttpError(400, "invalid_body", reason);
  }
  return parsed.data;
}

/**
 * Wraps an async route so that an HttpError becomes its status and anything else a logged 500 —
 * never an unhandled rejection.
 */
export function route(
  handler: (req: Request, res: Response) => Promise<void>,
  onUnexpected: (err: unknown) => void,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof HttpError) {
        sendError(res, err);
        return;
      }
      onUnexpected(err);
      sendError(res, new HttpError(500, "internal_error", "Unexpected server error."));
    }
  };
}

/** The bearer credential of a request, or undefined. */
export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== "string") return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
