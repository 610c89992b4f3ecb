import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { translate } from '../../shared/i18n';
import { appMenuTemplate } from './menu-template';

/** Sets the application menu (Swedish, as the shell's other texts before sign-in). */
export function installAppMenu(): void {
  const template = appMenuTemplate({ packaged: app.isPackaged, platform: process.platform, t: (key) => translate('sv', key) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
}
