import { run } from './run';

// Set before anything can fail, so an unexpected crash prints one line and no stack or record content.
process.on('uncaughtException', () => {
  process.stderr.write('confide: an internal error stopped this command; nothing further was done.\n');
  process.exit(1);
});

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
