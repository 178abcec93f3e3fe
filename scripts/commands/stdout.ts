// Output into a pipe whose reader has gone (`bareflow boot | head -3`): stop quietly,
// with the status of a process killed by SIGPIPE (128 + 13), instead of a stack trace.
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(141);
  });
}
