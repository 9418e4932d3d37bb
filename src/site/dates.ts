// The site's dates, in English as the site is (SITE_LANGUAGE). Every date here is a calendar day the build
// has checked ("2025-03-13"), so formatting one needs only its fields: luxon took ~0.1 ms a date to parse,
// which each Eleventy run paid again for every day it showed.
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2025-03-13" → [2025, "March", 13]. */
function fields(iso: string): [year: number, month: string, day: number] {
  return [Number(iso.slice(0, 4)), MONTHS[Number(iso.slice(5, 7)) - 1], Number(iso.slice(8, 10))];
}

/** "2025-03-13" → "13 March 2025". */
export const longDate = (iso: string) => {
  const [year, month, day] = fields(iso);
  return `${day} ${month} ${year}`;
};
/** "2025-03-13" → "13 Mar 2025". */
export const shortDate = (iso: string) => {
  const [year, month, day] = fields(iso);
  return `${day} ${month.slice(0, 3)} ${year}`;
};
/** "2025-03-13" → "March 2025". */
export const monthName = (iso: string) => {
  const [year, month] = fields(iso);
  return `${month} ${year}`;
};
/** "2025-03" → "Mar 2025". */
export const shortMonth = (month: string) => {
  const [year, name] = fields(`${month}-01`);
  return `${name.slice(0, 3)} ${year}`;
};
