/** Where a configuration problem is; every part is optional because not every source has all. */
export interface ConfigErrorSite {
  /** The config file, when the problem is in one. */
  file?: string;
  /** 1-based position of the offending value (or table header) in `file`. */
  line?: number;
  column?: number;
  /** Dotted key of the offending value, e.g. `model_providers.mock.base_url`. */
  key?: string;
  /** Names a source that is not a file, e.g. `-c/--config`. */
  origin?: string;
}

/**
 * A configuration the server cannot use. `detail` is the bare reason in the reference's wording
 * (serde style: "invalid type: integer `5`, expected a string"), so handlers that must echo the
 * reference (config/value/write) can reuse it; `message` adds the site for people.
 */
export class ConfigError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly key?: string;

  constructor(
    readonly detail: string,
    site: ConfigErrorSite = {},
  ) {
    super(describe(detail, site));
    this.name = 'ConfigError';
    this.file = site.file;
    this.line = site.line;
    this.column = site.column;
    this.key = site.key;
  }
}

/** The message without the key: `file:line:column: detail`, as the reference reports a file's problem. */
export function locatedMessage(err: ConfigError): string {
  if (!err.file) return err.message;
  return `${[err.file, err.line, err.column].filter((part) => part !== undefined).join(':')}: ${err.detail}`;
}

/** The warning for project folders whose config.toml is read but not applied. */
export function disabledProjectsWarning(folders: readonly { dotCodexFolder: string; reason: string }[]): { summary: string; details: null } {
  const list = folders.map((f, i) => `    ${i + 1}. ${f.dotCodexFolder}\n       ${f.reason}\n`).join('');
  return {
    summary: `Project config.toml files are disabled in the following folders. Settings in those files are ignored, but skills and exec policies still load.\n${list}`,
    details: null,
  };
}

function describe(detail: string, { file, line, column, key, origin }: ConfigErrorSite): string {
  const where = file ? [file, line, column].filter((part) => part !== undefined).join(':') : origin;
  return `${where ? `${where}: ` : ''}${detail}${key ? ` (in \`${key}\`)` : ''}`;
}

/** Params of the `configWarning` notification the reference sends when it fell back to defaults. */
export interface ConfigWarningParams {
  summary: string;
  details: string;
  path?: string;
  range?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export function configWarningParams(err: ConfigError): ConfigWarningParams {
  const params: ConfigWarningParams = { summary: 'Invalid configuration; using defaults.', details: locatedMessage(err) };
  if (err.file) params.path = err.file;
  if (err.line !== undefined && err.column !== undefined) {
    const at = { line: err.line, column: err.column };
    params.range = { start: at, end: at };
  }
  return params;
}
