import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface VaultPaths {
  dir: string;
  db: string;
  keys: string;
  blobs: string;
}

export function vaultPaths(dir: string): VaultPaths {
  return { dir, db: join(dir, 'vault.db'), keys: join(dir, 'vault.keys'), blobs: join(dir, 'blobs') };
}

export function hasVault(dir: string): boolean {
  return existsSync(vaultPaths(dir).keys);
}

export function isMissingOrEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
