// better-sqlite3 13 needs Node >= 22 (on Node 20 it crashes). `npm run …` uses the Node 22 pinned in
// devDependencies; a direct `node dist/cli.cjs` with an older Node gets this message instead of a crash.
const major = Number(process.versions.node.split('.')[0]);
if (!process.versions.electron && major < 22) {
  console.error(`Werkbrücke braucht Node.js 22 oder neuer (gefunden: ${process.version}). Bitte über "npm run cli -- …" starten.`);
  process.exit(1);
}
export {};
