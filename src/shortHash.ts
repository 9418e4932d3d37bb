import { createHash } from "node:crypto";

/** A short, file-name-safe fingerprint of a text (SHA-256, 22 base64url characters: 132 bits). */
export const shortHash = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);
