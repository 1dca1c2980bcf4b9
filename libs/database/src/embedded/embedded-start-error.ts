/** A start of the embedded PostgreSQL that cannot go on: its message is one sentence that says what happened and what to do. */
export class EmbeddedStartError extends Error {
  override readonly name = 'EmbeddedStartError';
}
