import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal application menu: quit, the edit commands (macOS needs them in the menu for the
 * copy/paste shortcuts to work) and window controls. Reload and devtools only in developer runs.
 */
export function appMenuTemplate(platform: string, isPackaged: boolean): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  else template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  template.push({ role: 'editMenu' });
  if (!isPackaged) {
    template.push({ label: 'Developer', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  template.push({ role: 'windowMenu' });
  return template;
}
