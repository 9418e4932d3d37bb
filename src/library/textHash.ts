import { sha256 } from "../shortHash.ts";

/**
 * A hash of a paper's title and abstract, exactly (UTF-16, so no two texts hash alike). A build works it
 * out once per paper and hands it to every check that asks whether a paper's words changed (the stage
 * cache's inputs, the page keys): hashing the words is most of the cost of each check.
 */
export const textHash = ({ title, abstract }: { title: string; abstract: string }) =>
  sha256(Buffer.from(`${title.length}:${title}${abstract}`, "utf16le"), "base64url");
