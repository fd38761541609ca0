/** A command line that asks for something impossible: reported in one line with exit code 2. */
export class UsageError extends Error {}
