// What the formatter can't enforce: no line of code past its width (it never breaks a string or a template),
// and no source file so long that it holds more than one job.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./support/cli.ts";

const WIDTH = 120;
const CODE = /\.(ts|mts|js|mjs|cjs)$/;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : files(path);
    return CODE.test(e.name) ? [path] : [];
  });
}

const code = () => [
  ...["src", "layouts", "tests", "bench", "bin", "scripts", "plugins"].flatMap(files),
  ".eleventy.js",
];

it("has no line of code past the formatter's width", () => {
  const long = code().flatMap((file) =>
    readFileSync(join(ROOT, file), "utf8")
      .split("\n")
      .flatMap((line, i) => ([...line].length > WIDTH ? [`${file}:${i + 1}`] : [])),
  );
  expect(long).toEqual([]);
});

it("keeps every source file under 350 lines", () => {
  const lines = (file: string) => readFileSync(join(ROOT, file), "utf8").split("\n").length;
  const long = files("src").filter((file) => lines(file) > 350);
  expect(long).toEqual([]);
});
