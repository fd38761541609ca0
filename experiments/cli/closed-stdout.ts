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

/**
 * `labelsim run f 2>&1 >/dev/null | head -1`: stderr carries the progress and the warnings while
 * the run is still going, so, unlike stdout, its closing must not end the process: the results
 * are not on disk yet. Nobody reads stderr any more; the command goes on without it and ends with
 * the code it would have had. The writes after the first failure are refused by the destroyed
 * stream, and are let go too.
 */
export function carryOnWhenStderrCloses(stderr: NodeJS.WriteStream = process.stderr): void {
  stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    throw err;
  });
}
