/** A mistake in how the program was called: reported in one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;

/** Reading or writing failed for a reason outside the caller's control (a full disk): exit 1. */
export class IoFailure extends Error {
  override readonly name = 'IoFailure';
}
export const EXIT_IO_FAILED = 1;
