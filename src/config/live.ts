import { ConfigError } from './errors.ts';
import { loadConfigSync, type LoadedConfig } from './load.ts';

/**
 * The configuration as it stands now. The server starts with one; a config write reloads it, and
 * every new thread reads the files afresh for its own directory, as the reference does, so edits
 * made by hand count from the next thread on.
 */
export class LiveConfig {
  #current: LoadedConfig;

  constructor(startup: LoadedConfig) {
    this.#current = startup;
  }

  get current(): LoadedConfig {
    return this.#current;
  }

  /** After a write: the files as they are now. A configuration that no longer loads is ignored. */
  reload(): void {
    try {
      this.#current = loadConfigSync(this.#current.source);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
    }
  }

  /** The configuration a new thread in `cwd` gets, project layers included; a ConfigError when unusable. */
  forThread(cwd: string): LoadedConfig {
    return loadConfigSync({ ...this.#current.source, projectCwd: cwd });
  }
}
