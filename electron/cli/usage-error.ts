/** A mistake in how the command was given (exit 2). Its message never holds input the person typed. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}
