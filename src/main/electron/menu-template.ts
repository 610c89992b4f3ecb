/**
 * The application menu as data (no `electron` import, so it is tested as it is). A packaged build has
 * no developer tools and no reload: a user cannot open the console on patient data.
 */
export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

export function appMenuTemplate(options: { packaged: boolean; platform: NodeJS.Platform; t: (key: string) => string }): MenuItemSpec[] {
  const { packaged, platform, t } = options;
  const mac = platform === 'darwin';
  const item = (role: string, key: string): MenuItemSpec => ({ role, label: t(key) });
  const separator: MenuItemSpec = { type: 'separator' };
  const template: MenuItemSpec[] = [];
  if (mac)
    template.push({
      label: 'MDK Coordinator',
      submenu: [
        item('about', 'menu.about'),
        separator,
        item('hide', 'menu.hide'),
        item('hideOthers', 'menu.hideOthers'),
        item('unhide', 'menu.unhide'),
        separator,
        item('quit', 'menu.quit'),
      ],
    });
  template.push({ label: t('menu.file'), submenu: [mac ? item('close', 'menu.close') : item('quit', 'menu.quit')] });
  // The edit roles carry the clipboard shortcuts (macOS has none without them).
  template.push({
    label: t('menu.edit'),
    submenu: [
      item('undo', 'menu.undo'),
      item('redo', 'menu.redo'),
      separator,
      item('cut', 'menu.cut'),
      item('copy', 'menu.copy'),
      item('paste', 'menu.paste'),
      item('selectAll', 'menu.selectAll'),
    ],
  });
  const view = [
    item('resetZoom', 'menu.resetZoom'),
    item('zoomIn', 'menu.zoomIn'),
    item('zoomOut', 'menu.zoomOut'),
    separator,
    item('togglefullscreen', 'menu.fullScreen'),
  ];
  if (!packaged) view.push(separator, item('reload', 'menu.reload'), item('toggleDevTools', 'menu.devTools'));
  template.push({ label: t('menu.view'), submenu: view });
  template.push({
    label: t('menu.window'),
    submenu: [item('minimize', 'menu.minimize'), ...(mac ? [item('zoom', 'menu.zoom'), item('front', 'menu.front')] : [item('close', 'menu.close')])],
  });
  return template;
}

/** Every role in a template, depth first (for tests and checks). */
export function menuRoles(template: readonly MenuItemSpec[]): string[] {
  return template.flatMap((i) => [...(i.role ? [i.role] : []), ...menuRoles(i.submenu ?? [])]);
}
