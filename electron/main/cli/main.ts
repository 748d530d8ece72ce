import { runCli } from './program';

// A reader that stops early (`cpreg … | head`) closes the pipe: that is the end of the output,
// not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
