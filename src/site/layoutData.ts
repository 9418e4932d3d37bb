import type { SiteData } from "./pageData.ts";

/** What Eleventy adds to a page's front matter when it renders its layout. */
export type LayoutData<T> = T & { content: string; site: SiteData; page: { url: string } };
