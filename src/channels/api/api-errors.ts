/** Domain errors → HTTP status and JSON `{ error, message }`: English code for programs, French for people. */
import {
  BookingError,
  BookingNotActive,
  BookingNotFound,
  HoldExpired,
  SlotTaken,
  UnknownCabin,
} from "../../booking/errors.js";

export interface ApiErrorBody {
  error: string;
  message: string;
  reasons?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.error);
  }
}

const STATUS_BY_ERROR: Array<[new (...args: never[]) => BookingError, number]> = [
  [UnknownCabin, 404],
  [BookingNotFound, 404],
  [SlotTaken, 409],
  [HoldExpired, 409],
  [BookingNotActive, 409],
];

/** Any other domain error is the caller's input: 400. */
export function httpStatusOf(error: BookingError): number {
  return STATUS_BY_ERROR.find(([type]) => error instanceof type)?.[1] ?? 400;
}

export const unauthorized = () =>
  new ApiError(401, { error: "unauthorized", message: "Une clé d'accès valide est nécessaire pour utiliser ce service." });
export const forbidden = () =>
  new ApiError(403, { error: "forbidden", message: "Cette borne ou ce compte n'a pas accès à cette cabine-conseil." });
export const invalidRequest = (reasons: string[]) =>
  new ApiError(400, { error: "invalid_request", message: "La demande est incomplète ou mal formée.", reasons });
