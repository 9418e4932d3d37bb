import { DateTime } from "luxon";

const day = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });

/** "2025-03-13" → "13 March 2025", as a calendar date (no time-zone drift). */
export const longDate = (iso: string) => day(iso).toFormat("d LLLL yyyy");
/** "2025-03-13" → "13 Mar 2025". */
export const shortDate = (iso: string) => day(iso).toFormat("d LLL yyyy");
/** "2025-03-13" → "March 2025". */
export const monthName = (iso: string) => day(iso).toFormat("LLLL yyyy");
/** "2025-03" → "Mar 2025". */
export const shortMonth = (month: string) => day(`${month}-01`).toFormat("LLL yyyy");
