import { startDesktopApp } from './main';

startDesktopApp();
