// CommonJS on purpose, as src/store/driver.cts: a require that runs only when a PTY is first
// wanted, under tsx and in the esbuild bundle alike. node-pty is a native addon that takes a few
// milliseconds to load, which server start-up must not pay.
import type NodePty = require('@lydell/node-pty');

function loadPty(): typeof NodePty {
  return require('@lydell/node-pty') as typeof NodePty;
}
export = loadPty;
