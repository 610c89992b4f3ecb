/** Entry of the desktop app's core process (Electron utilityProcess; built to out/main/core.js). */
import { runCoreProcess, type ParentPort } from './core-process';

const parent = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parent) throw new Error('The core process runs as an Electron utility process.');
runCoreProcess(parent, { exit: () => process.exit(0) });
