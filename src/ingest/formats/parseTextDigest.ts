import type { DateTime } from "luxon";
import type { Digest, DigestEntry } from "../../model.ts";
import { UserError } from "../../util/userError.ts";
import { calendarDate, readDateLine, sameDay } from "./dateLine.ts";
import { CONTROL } from "./plainText.ts";

/** An abstract is prose: far longer than any title. Used only to place an error well. */
const looksLikeAbstract = (line: string) => line.length >= 200;

/**
 * Parses the text of a trending-papers page: boilerplate, a date line, then
 * title / abstract pairs, one line each, separated by any number of blank lines.
 *
 * `date` is the digest's date as the file name (or --date) gives it; the date
 * line supplies month and day and must agree with it.
 */
export function parseTextDigest(file: string, text: string, date?: DateTime): Digest {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim());
  if (lines.every((l) => l === "")) throw new UserError(file, 1, "the file is empty");

  const dateIndex = lines.findIndex((l) => readDateLine(l));
  if (dateIndex < 0) {
    throw new UserError(file, 1, "no date line (such as 'Mar 13' or '2025-03-13') before the papers");
  }
  const digestDate = resolveDate(file, dateIndex + 1, lines[dateIndex], date);

  const content: { text: string; line: number }[] = [];
  lines.forEach((text, i) => {
    if (i <= dateIndex || text === "") return;
    const bad = CONTROL.exec(text);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      throw new UserError(file, i + 1, `control character U+${code} in the text`);
    }
    content.push({ text, line: i + 1 });
  });
  if (content.length === 0) throw new UserError(file, dateIndex + 1, "no papers after the date line");

  const entries: DigestEntry[] = [];
  for (let i = 0; i < content.length; i += 2) {
    const title = content[i];
    const abstract = content[i + 1];
    // A title followed by another title (or by nothing) has lost its abstract.
    const orphan = !abstract || (!looksLikeAbstract(abstract.text) && looksLikeAbstract(content[i + 2]?.text ?? ""));
    if (orphan) throw new UserError(file, title.line, `the title "${clip(title.text)}" has no abstract`);
    entries.push({ title: title.text, abstract: abstract.text, line: title.line });
  }
  return { file, date: digestDate, entries };
}

function resolveDate(file: string, line: number, text: string, given?: DateTime): DateTime {
  const { month, day, year } = readDateLine(text)!;
  const fullYear = year ?? given?.year;
  if (fullYear === undefined) {
    throw new UserError(file, line, "the date line has no year: name the file YYYY-MM-DD.txt or pass --date");
  }
  const date = calendarDate(fullYear, month, day);
  if (!date.isValid) throw new UserError(file, line, `'${text}' is not a real date`);
  if (given && !sameDay(date, given)) {
    throw new UserError(
      file,
      line,
      `the date line says ${date.toISODate()} but the file is dated ${given.toISODate()}`,
    );
  }
  return date;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
