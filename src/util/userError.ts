/**
 * A mistake in what the user gave us (a digest, topics.yaml, a flag). The CLI
 * prints it as one line, `FILE:LINE: message`, and exits 1 without a stack trace.
 */
export class UserError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "UserError";
  }

  toString(): string {
    return this.file ? `${this.file}:${this.line}: ${this.message}` : this.message;
  }
}
