import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The vault prepares statements all day and V8 collects them whenever it likes, including from tasks
 * that run outside any JavaScript context. A SQLite module compiled against Node 24.19+ headers aborts
 * the whole process there (nodejs/node#65446); `npm run test:node24` compiles against earlier headers.
 * A child process is used because the failure is an abort, which would take the test runner with it.
 */
const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

const PREPARE_AND_IDLE = `
const Database = require(process.argv[1]);
const db = new Database(':memory:');
let round = 0;
function prepareMany() {
  for (let k = 0; k < 20000; k++) db.prepare('select ' + k + ' + ' + round);
  if (++round < 4) setTimeout(prepareMany, 250);
  else { db.close(); console.log('collected without an abort'); }
}
prepareMany();
`;

describe('statements collected by the garbage collector', () => {
  it('80,000 statements prepared and dropped across idle gaps leave the process running', () => {
    const child = spawnSync(process.execPath, ['-e', PREPARE_AND_IDLE, sqliteModule], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).not.toMatch(/Assertion failed/);
    expect({ status: child.status, signal: child.signal }).toEqual({ status: 0, signal: null });
    expect(child.stdout.trim()).toBe('collected without an abort');
  });
});
