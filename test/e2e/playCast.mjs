// Test helper: writes an asciicast v2 file's output to the terminal at once (no delays), as
// `asciinema play` would at infinite speed, then waits to be read and killed.
import { readFileSync } from 'node:fs';

const [header, ...events] = readFileSync(process.argv[2], 'utf8').trim().split('\n');
JSON.parse(header);
for (const line of events) process.stdout.write(JSON.parse(line)[2]);
process.stdout.write('\u001b[?25h');
setTimeout(() => {}, 600_000);
