import { defineConfig } from "vitest/config";

// Three kinds of test file, by name:
// - tests/*.test.ts: pure, no whole-site build, no browser (`npm run test:unit`, in parallel);
// - tests/*.site.test.ts: the real CLI builds sites;
// - tests/*.browser.test.ts: Debian's Chromium reads built sites.
// Builds in one project take turns (one build at a time per project, and they share content/generated), so
// the site and browser files run one after another, beside the unit files.
const SITE = ["tests/**/*.site.test.ts", "tests/**/*.browser.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Sites that several files build alike are built once a run (tests/support/builtSite.ts).
    globalSetup: ["tests/support/globalSetup.ts"],
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: SITE } },
      { extends: true, test: { name: "site", include: SITE, fileParallelism: false } },
    ],
  },
});
