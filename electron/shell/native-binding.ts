import path from 'node:path';

/**
 * better-sqlite3 is a V8-ABI addon, so Node (tests, CLI) and Electron each need their own build.
 * Node's stays in node_modules; Electron's lives in native/electron-<version>-<platform>-<arch>/,
 * built by scripts/electron-native.mjs (which uses the same layout; a test keeps the two in step).
 */
export const NATIVE_DIR = 'native';
export const NATIVE_FILE_NAME = 'better_sqlite3.node';

export interface NativeTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}

export interface NativeBindingLocation {
  path: string;
  exists: boolean;
}

export function nativeDirName(target: NativeTarget): string {
  return `electron-${target.electronVersion}-${target.platform}-${target.arch}`;
}

/**
 * The bundled main script sits in <appRoot>/dist/main/, both in a checkout and inside app.asar,
 * so the app root is two folders up from it.
 */
export function appRootFromMainDir(mainDir: string): string {
  return path.resolve(mainDir, '..', '..');
}

/**
 * Native files cannot be loaded from inside app.asar; electron-builder's asarUnpack puts them in
 * app.asar.unpacked beside it, so point there directly rather than rely on Electron's redirect.
 */
export function unpackedPath(filePath: string): string {
  const packed = `${path.sep}app.asar${path.sep}`;
  const index = filePath.indexOf(packed);
  if (index === -1) return filePath;
  return `${filePath.slice(0, index)}${path.sep}app.asar.unpacked${path.sep}${filePath.slice(index + packed.length)}`;
}

export function nativeBindingPath(appRoot: string, target: NativeTarget): string {
  return unpackedPath(path.join(appRoot, NATIVE_DIR, nativeDirName(target), NATIVE_FILE_NAME));
}

export function locateNativeBinding(
  appRoot: string,
  target: NativeTarget,
  fileExists: (filePath: string) => boolean,
): NativeBindingLocation {
  const filePath = nativeBindingPath(appRoot, target);
  return { path: filePath, exists: fileExists(filePath) };
}
