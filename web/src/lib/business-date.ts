import { businessDate, DEFAULT_TIME_ZONE, type IsoDate, isValidTimeZone } from '@highland/shared';

/**
 * Business dates on the web: calendar dates in the deployment's zone (the server's `TIME_ZONE`, sent by
 * `system.info`; Asia/Shanghai until it arrives), never the browser's zone and never a UTC timestamp's first
 * ten characters. One deployment per page load, so the zone is held here once `BusinessZone` has read it.
 */
let zone: string = DEFAULT_TIME_ZONE;

/** Set once from the server's configuration (components/ui/business-zone.tsx). */
export function setBusinessTimeZone(timeZone: string | null | undefined): void {
  if (isValidTimeZone(timeZone)) zone = timeZone;
}

export function businessTimeZone(): string {
  return zone;
}

/** Today's business date: the default as-of date and the default date of a new record. */
export function todayIso(): IsoDate {
  return businessDate(new Date(), zone);
}

/** The business date of a timestamp (e.g. when a deal entered its stage, when a statement was issued). */
export function dateOfInstant(instant: string | Date): IsoDate {
  return businessDate(instant, zone);
}
