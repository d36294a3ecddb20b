/** The REST API of the booking domain, for the composition root. */
export { registerBookingRoutes, type BookingRoutesDeps } from "./booking-routes.js";
export { ApiKeyring, hashApiKey, loadApiKeyring, type ApiKeyEntry, type ApiPrincipal } from "./api-keys.js";
export { httpStatusOf } from "./api-errors.js";
export { createBookingSetup, type BookingSetup } from "./booking-setup.js";
