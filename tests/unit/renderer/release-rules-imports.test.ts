import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src');
// Wording only: the screens say what the core answered in the rules' own words, but never decide eligibility.
const WORDING = new Set(['missingConsentWords', 'spokenDate']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the release screens take the core’s answers', () => {
  it('use the release eligibility rules for wording only', () => {
    const files = sources(RENDERER);
    expect(files.length).toBeGreaterThan(20);
    const used: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"][^'"]*shared\/rules\/release-eligibility['"]/g)) {
        for (const name of match[1]!.split(',').map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!)) {
          if (name === '') continue;
          used.push(name);
          expect(WORDING.has(name), `${relative(RENDERER, file)} imports ${name} from the release rules`).toBe(true);
        }
      }
      expect(source, relative(RENDERER, file)).not.toMatch(/import\s*\*\s*as\s+\w+\s*from\s*['"][^'"]*shared\/rules\/release-eligibility['"]/);
    }
    // The check finds the import it allows, so a change to the import's shape cannot make it pass vacuously.
    expect(used).toContain('missingConsentWords');
  });
});
