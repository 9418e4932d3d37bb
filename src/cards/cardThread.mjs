// A drawing thread's entry: threads don't inherit the CLI's TypeScript loader, so register it, then load the worker.
import { register } from "tsx/esm/api";

register();
await import("./cardWorker.ts");
