import { DateTime } from "luxon";

const day = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });

/** A date format, each date formatted once: luxon takes ~0.1 ms a call, and a build asks for the same few days thousands of times. */
function formatter(format: string) {
  const made = new Map<string, string>();
  return (iso: string) => {
    let text = made.get(iso);
    if (text === undefined) made.set(iso, (text = day(iso).toFormat(format)));
    return text;
  };
}

/** "2025-03-13" → "13 March 2025", as a calendar date (no time-zone drift). */
export const longDate = formatter("d LLLL yyyy");
/** "2025-03-13" → "13 Mar 2025". */
export const shortDate = formatter("d LLL yyyy");
/** "2025-03-13" → "March 2025". */
export const monthName = formatter("LLLL yyyy");
const shortMonthOfDay = formatter("LLL yyyy");
/** "2025-03" → "Mar 2025". */
export const shortMonth = (month: string) => shortMonthOfDay(`${month}-01`);
