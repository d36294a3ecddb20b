/** Confirmation codes and visio room names: drawn from the OS CSPRNG so they cannot be guessed or enumerated. */
import { randomBytes, randomInt } from "node:crypto";

/** No 0/O, 1/I/L or U/V look-alikes: the code is read aloud, typed on a kiosk and copied from an SMS. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789";
export const CODE_LENGTH = 8;

/** 29^8 ≈ 5·10^11 codes (39 bits): guessing one is hopeless behind API keys; shown as `ABCD-EFGH`. */
export function newConfirmationCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Accepts what people type: lower case, spaces, missing dash. Undefined when it cannot be a code. */
export function normalizeCode(input: string): string | undefined {
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== CODE_LENGTH || [...raw].some((ch) => !CODE_ALPHABET.includes(ch))) return undefined;
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** 128 random bits: whoever knows the room name can join the visio, so it must not be guessable. */
export function newRoomName(): string {
  return `spro-${randomBytes(16).toString("hex")}`;
}

export function visioLink(baseUrl: string, roomName: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${roomName}`;
}
