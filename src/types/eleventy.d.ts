// Eleventy ships JavaScript without types; this is the part of its API we call.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input: string, output: string, options?: { configPath?: string; quietMode?: boolean });
    logger: { overrideLogger(logger: unknown): void };
    write(): Promise<unknown[]>;
  }
}
