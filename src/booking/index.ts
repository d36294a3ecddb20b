/** Public API of the booking domain (plain TypeScript, no framework). */
export type { Booking, BookingStatus } from "./booking.js";
export { ContactDetails } from "./booking.js";
export type { BookingRepository, ConfirmPatch, ErasureFilter, OccupiedCellsQuery } from "./booking-repository.js";
export { CodeCollision } from "./booking-repository.js";
export { BookingService, type BookingServiceOptions, type ConfirmRequest, type SlotRequest } from "./booking-service.js";
export { AppointmentType, CabinCatalog, CabinSite, CatalogData, Counsellor } from "./catalog.js";
export { loadCatalog } from "./catalog-loader.js";
export { CELL_MINUTES, cellOf, cellsBetween, type OccupiedCell } from "./cells.js";
export { newConfirmationCode, normalizeCode, visioLink } from "./codes.js";
export * from "./errors.js";
export { frenchHolidays, type HolidayCalendar } from "./holidays.js";
export { bookingInvitation } from "./ics.js";
export { parisToUtc, toParisWallClock } from "./paris-time.js";
export { findFreeSlots, type Slot, type SlotQuery } from "./slot-finder.js";
