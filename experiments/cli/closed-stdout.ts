/**
 * `labelsim check file | head -5`: once head has its lines it closes the pipe, and the next
 * write to stdout fails with EPIPE (Node ignores SIGPIPE, so the write reports an error instead
 * of ending the process as it would a C program). Nobody reads any more: that is not a failure of
 * the command, so it ends quietly with exit code 0, as `yes | head -1` does in a shell without
 * pipefail. Whatever the command was writing then is its last output: every command writes to
 * stdout only after its results are on disk and its lock is released, so nothing is left
 * half-done. Other errors of stdout stay errors.
 */
export function endQuietlyWhenStdoutCloses(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
