import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, SEED, tempDir } from "./support/cli.ts";

// The CLI hands Eleventy our TypeScript compiled ahead, once per version of the files (bin/paper-digest.js):
// a template a curator adds or edits must never render as an older compiled copy.
describe("templates through the CLI", () => {
  it("renders a template added to content/, then its edited text, and an edited shared module everywhere " +
    "it is used", async () => {
    const project = join(await tempDir(), "project");
    for (const part of ["bin", "src", "layouts", "content", ".eleventy.js", "package.json", "tsconfig.json"]) {
      await cp(join(ROOT, part), join(project, part), {
        recursive: true,
        filter: (src) => !src.includes("content/generated"),
      });
    }
    await symlink(join(ROOT, "node_modules"), join(project, "node_modules"));
    await mkdir(join(project, "content/digests"), { recursive: true });
    await cp(SEED, join(project, "content/digests/2025-03-13.txt"));
    const template = join(project, "content/hello.txt.11ty.ts");
    const build = async () => {
      const r = await runCli(["build"], { cwd: project, bin: join(project, "bin/paper-digest.js") });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    };
    const site = (path: string) => readFile(join(project, "_site", path), "utf8");

    await writeFile(
      template,
      'export const data = { permalink: "/hello.txt" };\nexport function render() { return "first"; }\n',
    );
    await build();
    expect(await site("hello.txt")).toBe("first");

    await writeFile(
      template,
      'export const data = { permalink: "/hello.txt" };\nexport function render() { return "second"; }\n',
    );
    await build();
    expect(await site("hello.txt")).toBe("second");

    // A module the layouts import: every page shows what it returns now.
    const html = join(project, "src/site/shell.ts");
    const text = await readFile(html, "utf8");
    expect(text).toContain("</footer>");
    await writeFile(html, text.replace("</footer>", "<!-- edited shell --></footer>"));
    await build();
    expect(await site("index.html")).toContain("<!-- edited shell -->");
    expect(await site("404.html")).toContain("<!-- edited shell -->");
  }, 120_000);
});
