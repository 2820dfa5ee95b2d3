/** A replayed error answer: rendered as stored by the error filter. */
export class StoredAnswer extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super('stored answer');
  }
}
