// CommonJS on purpose: a synchronous require that runs only when called, both under tsx (where
// ES modules have no `require`) and in the esbuild bundle (where `import.meta` does not exist).
// better-sqlite3 is a native addon that takes milliseconds to load; start-up must not pay for it.
import type BetterSqlite3 = require('better-sqlite3');

function loadDriver(): typeof BetterSqlite3 {
  return require('better-sqlite3') as typeof BetterSqlite3;
}
export = loadDriver;
