import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, it } from "vitest";
import { ROOT } from "./support/cli.ts";

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

it("serves the bundled digest's site with the README's `npm start`", async () => {
  const port = await freePort();
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: "ignore",
  });
  try {
    let home = "";
    for (let i = 0; i < 120 && !home; i++) {
      await new Promise((r) => setTimeout(r, 500));
      home = await fetch(`http://localhost:${port}/`).then(
        (r) => (r.ok ? r.text() : ""),
        () => "",
      );
    }
    expect(home).toContain("Papers of 13 March 2025");
    const paper = await fetch(`http://localhost:${port}/papers/2-olmo-2-furious/`);
    expect(paper.status).toBe(200);
    expect((await fetch(`http://localhost:${port}/no-such-page/`)).status).toBe(404);
  } finally {
    process.kill(-child.pid!, "SIGTERM");
  }
});
