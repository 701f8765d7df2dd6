'use strict';
// Makes sure the piimask C library is there for index.js, as npm installs
// or packs this package.
//
//   node install.js            (npm's `install` script) succeeds when index.js
//                              will find a library: $PIIMASK_LIB, a copy
//                              packed next to index.js, or, in a source
//                              checkout, the one `cargo build --release --lib`
//                              builds (run here); else a system-wide one.
//   node install.js --bundle   (`prepack`) copies the library next to
//                              index.js, so that `npm pack` ships it.
//   node install.js --clean    (`postpack`) removes that copy again.
//
// Fails with a message naming what is missing (the Rust toolchain, or a
// library) rather than leaving a package that fails at its first call.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const LIBNAME = { darwin: 'libpiimask.dylib', win32: 'piimask.dll' }[process.platform] || 'libpiimask.so';
const HERE = __dirname;
const REPO = path.resolve(HERE, '..', '..');
const BUNDLED = path.join(HERE, LIBNAME);

function fail(message) {
  console.error(`\npiimask: ${message}\n`);
  process.exit(1);
}

function inCheckout() {
  return fs.existsSync(path.join(REPO, 'Cargo.toml')) && fs.existsSync(path.join(REPO, 'include', 'piimask.h'));
}

/** `cargo build --release --lib` in the checkout; the library it built. */
function cargoBuild() {
  const cargo = process.env.CARGO || 'cargo';
  console.error(`piimask: ${cargo} build --release --lib (in ${REPO})`);
  const run = spawnSync(cargo, ['build', '--release', '--lib'], { cwd: REPO, stdio: 'inherit' });
  if (run.error && run.error.code === 'ENOENT') {
    fail('building the library needs the Rust toolchain (cargo and rustc 1.82 or newer), and `cargo` ' +
      'is not on PATH. Install it (https://rustup.rs, or your system\'s `cargo` package), or set ' +
      'PIIMASK_LIB to an already built libpiimask, or install a tarball made by `npm pack`, which ' +
      'carries the library.');
  }
  if (run.status !== 0) fail(`\`cargo build\` failed (${run.error || `exit status ${run.status}`})`);
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(REPO, process.env.CARGO_TARGET_DIR) : path.join(REPO, 'target');
  const lib = path.join(target, 'release', LIBNAME);
  if (!fs.existsSync(lib)) fail(`cargo built no ${lib}`);
  return lib;
}

function loads(file) {
  try {
    require('koffi').load(file);
    return true;
  } catch (e) {
    return false;
  }
}

function install() {
  const env = process.env.PIIMASK_LIB;
  if (env) {
    if (!fs.existsSync(env)) fail(`PIIMASK_LIB=${env} is not a file`);
    console.error(`piimask: using PIIMASK_LIB=${env}`);
  } else if (fs.existsSync(BUNDLED)) {
    console.error(`piimask: using the packed ${BUNDLED}`);
  } else if (inCheckout()) {
    console.error(`piimask: using ${cargoBuild()}`);
  } else if (loads(LIBNAME)) {
    console.error(`piimask: using the system's ${LIBNAME}`);
  } else {
    fail(`no ${LIBNAME}: this copy of the package carries none, is not in a piimask source checkout, ` +
      'and the system has none. Install a tarball made by `npm pack` (it carries the library), ' +
      'install the C library (scripts/c-install), or set PIIMASK_LIB to its path.');
  }
}

function bundle() {
  const env = process.env.PIIMASK_LIB;
  if (!env && !inCheckout()) fail('packing needs a piimask source checkout or PIIMASK_LIB');
  const lib = env || cargoBuild();
  fs.copyFileSync(lib, BUNDLED);
  // Line tables stay in target/ for profiling; the package does without.
  if (process.platform === 'linux') spawnSync('strip', ['--strip-debug', BUNDLED], { stdio: 'inherit' });
  console.error(`piimask: packing ${lib}`);
}

const mode = process.argv[2];
if (mode === '--bundle') bundle();
else if (mode === '--clean') fs.rmSync(BUNDLED, { force: true });
else if (mode === undefined) install();
else fail(`unknown argument ${mode} (--bundle, --clean, or none)`);
