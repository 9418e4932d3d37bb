import { parentPort } from "node:worker_threads";
import { drawCard, type Card } from "./drawCard.ts";

// One drawing thread: receives cards, answers with PNG bytes (or the error's message).
parentPort!.on("message", async ({ id, card }: { id: number; card: Card }) => {
  try {
    const png = await drawCard(card);
    parentPort!.postMessage({ id, png });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
