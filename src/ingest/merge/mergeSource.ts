import type { PaperSource } from "../../model.ts";

/**
 * What two sources say of one paper, as one: what was known first stays, a
 * later source fills what is missing, the newest arXiv version wins, and every
 * day's popularity snapshot is kept (one per date, oldest first).
 */
export function mergeSource(known: PaperSource, more: PaperSource): PaperSource {
  const merged: PaperSource = { ...more, ...known };
  const version = Math.max(known.version ?? 0, more.version ?? 0);
  if (version) merged.version = version;
  // Handles belong to the list of names they came with: matched to the merged list by name.
  if (merged.authors && (known.authorUsers || more.authorUsers) && merged.authorUsers !== known.authorUsers) {
    const users = new Map(more.authors?.map((name, i) => [name, more.authorUsers?.[i] ?? null]));
    const aligned = merged.authors.map((name) => users.get(name) ?? null);
    if (aligned.some(Boolean)) merged.authorUsers = aligned;
    else delete merged.authorUsers;
  }
  if (known.links || more.links) merged.links = { ...more.links, ...known.links };
  const snapshots = new Map([...(known.snapshots ?? []), ...(more.snapshots ?? [])].map((s) => [s.date, s]));
  if (snapshots.size) merged.snapshots = [...snapshots.values()].sort((a, b) => a.date.localeCompare(b.date));
  return merged;
}
