import { trusted } from "./html.ts";

/**
 * JSON for a <script type="application/ld+json"> block. JSON.stringify escapes
 * quotes and backslashes; "<" becomes \u003c so no text can close the script.
 */
export const jsonLd = (value: unknown) => trusted(JSON.stringify(value).replace(/</g, "\\u003c"));
