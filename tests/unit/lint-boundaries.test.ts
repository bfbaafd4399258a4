import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The boundaries are checked by `npm run lint` (in `npm test`); this proves each rule fires where it should,
// so a config that silently stopped matching would fail here.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries between processes and layers', () => {
  const cases: Array<[string, string, boolean]> = [
    ['electron/core/services/x.ts', "import { app } from 'electron';", true],
    ['electron/core/services/x.ts', "import { idle } from '../../shell/idle-lock';", true],
    ['electron/core/services/x.ts', "import { App } from '../../../renderer/src/App';", true],
    ['electron/core/vault/x.ts', "import { search } from '../services/search';", true],
    ['electron/core/vault/x.ts', "import { handlers } from '../handlers';", true],
    ['electron/core/vault/x.ts', "import { ConfideError } from '../errors';", false],
    ['electron/core/vault/blobs/x.ts', "import { search } from '../../services/search';", true],
    ['electron/core/vault/blobs/x.ts', "import { fileTypeFromBuffer } from 'file-type/core';", false],
    ['electron/core/services/x.ts', "import { openDatabase } from '../vault/database';", false],
    ['renderer/src/x.ts', "import fs from 'node:fs';", true],
    ['renderer/src/x.ts', "import path from 'path';", true],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core/core';", true],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';", true],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';", false],
    ['shared/x.ts', "import { createHash } from 'node:crypto';", true],
    ['shared/x.ts', "import { go } from '../renderer/src/stores/navigation';", true],
    ['shared/x.ts', "import { handlers } from '../electron/core/handlers';", true],
    ['shared/x.ts', 'export const w = window.innerWidth;', true],
    ['shared/x.ts', "import { z } from 'zod';", false],
    ['electron/core/attendance/x.ts', "import { listNotes } from '../services/notes';", true],
    ['electron/core/attendance/x.ts', "import { search } from '../services/search';", true],
    ['electron/core/attendance/x.ts', "import { noteReadable } from '../services/visibility';", true],
    ['electron/core/attendance/x.ts', "import { openDatabase } from '../vault/database';", true],
    ['electron/core/attendance/x.ts', "import { handlers } from '../handlers';", true],
    ['electron/core/attendance/x.ts', "import { app } from 'electron';", true],
    ['electron/core/attendance/x.ts', "import { sessionAbout } from '../services/caseload';", false],
    ['electron/core/attendance/x.ts', "import { recordDisclosure } from '../services/disclosure-log';", false],
    ['electron/core/attendance/x.ts', "import { letterhead } from '../vault/settings';", false],
    ['electron/core/attendance/x.ts', "import { attendanceCsv } from '../documents/attendance-csv';", false],
  ];
  for (const [file, code, refused] of cases) {
    it(`${refused ? 'refuses' : 'allows'} in ${file}: ${code}`, async () => {
      const found = await problems(file, code);
      expect(found.length > 0).toBe(refused);
    });
  }
});

describe('the renderer has one clock, the core’s', () => {
  it('refuses Date.now() and new Date() with no argument, and allows dates made from values', async () => {
    expect(await problems('renderer/src/x.ts', 'export const t = Date.now();')).toEqual(['no-restricted-syntax']);
    expect(await problems('renderer/src/x.ts', 'export const t = new Date();')).toEqual(['no-restricted-syntax']);
    expect(await problems('renderer/src/x.ts', "export const t = new Date('2026-11-23');")).toEqual([]);
    expect(await problems('renderer/src/x.ts', 'export const t = performance.now();')).toEqual([]);
  });
});
