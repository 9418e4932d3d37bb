// A full build's Eleventy runs and Pagefind's writes each hold hundreds of MB: the build's
// peak memory stays bounded only if they never run at once (see takeTurns), and a failed
// one must not leave the others waiting forever.
import { describe, expect, it } from "vitest";
import { takeTurns } from "../src/pipeline/takeTurns.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("turns for the heavy parts of a build", () => {
  it("runs one at a time, in the order asked, however long each takes", async () => {
    const turn = takeTurns();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const work = (name: string, ticks: number) =>
      turn(async () => {
        most = Math.max(most, ++running);
        log.push(`${name} starts`);
        for (let i = 0; i < ticks; i++) await tick();
        log.push(`${name} ends`);
        running--;
        return name;
      });
    const results = await Promise.all([work("eleventy 1", 3), work("pagefind 1", 1), work("eleventy 2", 2)]);
    expect(results).toEqual(["eleventy 1", "pagefind 1", "eleventy 2"]);
    expect(most).toBe(1);
    expect(log).toEqual([
      "eleventy 1 starts",
      "eleventy 1 ends",
      "pagefind 1 starts",
      "pagefind 1 ends",
      "eleventy 2 starts",
      "eleventy 2 ends",
    ]);
  });

  it("passes the turn on when one fails, and the failure goes to its caller alone", async () => {
    const turn = takeTurns();
    const failed = turn(async () => {
      await tick();
      throw new Error("Eleventy stopped");
    });
    const next = turn(async () => "Pagefind wrote its shard");
    await expect(failed).rejects.toThrow("Eleventy stopped");
    await expect(next).resolves.toBe("Pagefind wrote its shard");
  });
});
