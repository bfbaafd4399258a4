import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../electron/shell/menu';

function roles(template: ReturnType<typeof appMenuTemplate>): string[] {
  return template.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? item.submenu.flatMap((sub) => (sub.role === undefined ? [] : [sub.role])) : []),
  ]);
}

describe('application menu', () => {
  it('packaged builds have no reload or devtools', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const found = roles(appMenuTemplate(platform, true));
      expect(found).not.toContain('toggleDevTools');
      expect(found).not.toContain('reload');
      expect(found).not.toContain('forceReload');
      expect(found).toContain('editMenu');
    }
  });

  it('developer runs add reload and devtools', () => {
    const found = roles(appMenuTemplate('linux', false));
    expect(found).toContain('toggleDevTools');
    expect(found).toContain('reload');
  });

  it('macOS gets its app menu; other platforms a File menu with Quit', () => {
    expect(roles(appMenuTemplate('darwin', true))).toContain('appMenu');
    expect(roles(appMenuTemplate('win32', true))).toContain('quit');
  });
});
