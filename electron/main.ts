// The Electron shell: one window, the core in this process with heavy work in a worker thread, IPC to the
// handler registry. Kept thin: everything that is not window, protocol or IPC lives in electron/core.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { startCore, type Core } from './core/app';
import { errorText } from './errorText';
import { cleanTempPdfs, writeTempPdf } from './tempPdf';
import { startDeadlineReminders } from './deadlineReminder';
import { CSP, decodePath } from './server/http';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://werkbruecke`;
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${flag}=`));
  return eq?.slice(flag.length + 1);
}

// German is the default UI language; the locale also sets number and date formats of native controls.
app.commandLine.appendSwitch('lang', 'de-DE');

const dataDirArg = argValue('--data-dir');
if (dataDirArg) app.setPath('userData', path.resolve(dataDirArg));
// Packaged: resources/ is an extraResource beside app.asar. Worker threads inherit the variable.
if (app.isPackaged) process.env.WERKBRUECKE_RESOURCES = path.join(process.resourcesPath, 'resources');

// One instance per workspace: a second start hands over to the running one, which comes to the front.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.quit();
/** A case file (.wbfall) among the arguments: a double-click on one starts the app with its path (file association). */
const caseFileArg = (argv: string[]) => argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.wbfall'));
/** Shows the mediator's "Netzwerk" area with that file ready to open (the renderer asks for the passphrase, the core checks the file). */
function showCaseFile(file: string) {
  if (!win) return;
  void win.loadURL(`${ORIGIN}/index.html#/netzwerk/datei/${encodeURIComponent(path.resolve(file))}`);
}
app.on('second-instance', (_e, argv) => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
  const file = caseFileArg(argv);
  if (file) showCaseFile(file);
});
// macOS hands a double-clicked file over by this event instead of the arguments.
let pendingCaseFile: string | undefined = caseFileArg(process.argv);
app.on('open-file', (e, file) => {
  e.preventDefault();
  if (win) showCaseFile(file);
  else pendingCaseFile = file;
});

let core: Core | null = null;
const printDir = path.join(app.getPath('temp'), 'werkbruecke-drucken');
let win: BrowserWindow | null = null;
let stopReminders: (() => void) | null = null;

function rendererDir() {
  return path.join(__dirname, 'renderer');
}

function createWindow() {
  win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Werkbrücke',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // The spellchecker can download dictionaries; nothing leaves the PC.
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${ORIGIN}/`)) e.preventDefault();
  });
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  void win.loadURL(`${ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.whenReady().then(() => {
  if (!isFirstInstance) return;
  try {
    core = startCore({ dataDir: app.getPath('userData'), transport: 'ipc', workerFile: path.join(__dirname, 'worker.cjs'), dailyBackup: true });
  } catch (e) {
    // A workspace that cannot be opened (newer than the app, not a database) is left untouched: say why and stop.
    dialog.showErrorBox('Werkbrücke', `${errorText(e) ?? 'Der Arbeitsbereich kann nicht geöffnet werden.'}\n\n${app.getPath('userData')}`);
    app.quit();
    return;
  }
  const registry = core.registry;

  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  protocol.handle(SCHEME, async (req) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const decoded = decodePath(url.pathname);
    if (decoded === null) return new Response('Bad request', { status: 400 });
    const root = rendererDir();
    const file = path.resolve(root, `.${decoded}`);
    if (url.host !== 'werkbruecke' || !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(`file://${file}`);
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });

  ipcMain.handle('api:invoke', async (event, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!win || !frame || event.sender !== win.webContents || frame !== win.webContents.mainFrame || !frame.url.startsWith(`${ORIGIN}/`)) {
      return { ok: false, error: { code: 'forbidden_sender', message: 'IPC from an unexpected frame' } };
    }
    return registry.invoke(name, input);
  });

  // Links in the UI to the chamber's or an authority's site open in the system browser, only https.
  ipcMain.handle('shell:openExternal', async (event, url: unknown) => {
    if (event.sender !== win?.webContents || typeof url !== 'string' || !/^https:\/\/[^\s]+$/.test(url)) return false;
    await shell.openExternal(url);
    return true;
  });

  // "Öffnen/Drucken": the PDF goes to a temporary file, opened in the system's viewer; removed at the next start.
  ipcMain.handle('shell:openPdf', async (event, fileName: unknown, base64: unknown) => {
    if (event.sender !== win?.webContents || typeof fileName !== 'string' || typeof base64 !== 'string') return false;
    const file = writeTempPdf(printDir, fileName, base64);
    if (!file) return false;
    return (await shell.openPath(file)) === '';
  });
  cleanTempPdfs(printDir);

  createWindow();
  if (pendingCaseFile) showCaseFile(pendingCaseFile);
  // Overdue deadlines and those due within 14 days, at most once a day; a click opens the deadline page.
  stopReminders = startDeadlineReminders(core, () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
    void win.loadURL(`${ORIGIN}/index.html#/fristen`);
  });
});

app.on('window-all-closed', async () => {
  stopReminders?.();
  await core?.close();
  core = null;
  app.quit();
});
