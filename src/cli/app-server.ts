import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, UsageError } from './usage.ts';
import { parseListenUrl } from './listen-url.ts';

const CONFIG_OPTIONS_HELP = `  -c, --config <key=value>
          Override a configuration value from $CODEX_HOME/config.toml (default ~/.codex). Use a
          dotted path (foo.bar.baz) for nested values; the value is parsed as TOML, and taken as a
          literal string if it is not valid TOML.
      --enable <FEATURE>
          Enable a feature (repeatable); same as -c features.<name>=true
      --disable <FEATURE>
          Disable a feature (repeatable); same as -c features.<name>=false`;

const HELP = `Run the app server, or generate the schema of its protocol

Usage: weft app-server [OPTIONS] [COMMAND]

Commands:
  generate-ts           Generate TypeScript bindings for the app server protocol
  generate-json-schema  Generate JSON Schema for the app server protocol
  help                  Print this message

Options:
${CONFIG_OPTIONS_HELP}
      --listen <URL>
          Transport endpoint: stdio:// (default) or ws://IP:PORT
      --ws-token-file <PATH>
          Websocket listener only: require "Authorization: Bearer <token>" with the token read
          from this file (also WEFT_WS_TOKEN). Required to listen on a non-loopback address.
      --analytics-default-enabled
          Accepted for compatibility with codex app-server; Weft sends no analytics.
  -h, --help
          Print help
`;

const generateHelp = (what: string) => `Generate ${what} for the app server protocol

Usage: weft app-server generate-${what === 'TypeScript bindings' ? 'ts' : 'json-schema'} [OPTIONS] --out <DIR>

Options:
${CONFIG_OPTIONS_HELP}
  -o, --out <DIR>
          Output directory
      --experimental
          Include experimental methods and fields
${what === 'TypeScript bindings' ? '  -p, --prettier <PRETTIER_BIN>\n          Optional Prettier executable to format the generated files\n' : ''}  -h, --help
          Print help
`;

const CONFIG_OPTIONS = {
  config: { type: 'string', short: 'c', multiple: true },
  enable: { type: 'string', multiple: true },
  disable: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse<O extends Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>>(
  args: string[],
  options: O,
  help: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message, help);
  }
}

export async function appServer(args: string[]): Promise<number | undefined> {
  const sub = args[0];
  if (sub === 'generate-ts' || sub === 'generate-json-schema') return generate(sub, args.slice(1));
  if (sub === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const { values, positionals } = parse(
    args,
    {
      ...CONFIG_OPTIONS,
      listen: { type: 'string' },
      'ws-token-file': { type: 'string' },
      'analytics-default-enabled': { type: 'boolean' },
    },
    HELP,
  );
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unrecognized subcommand '${positionals[0]}'`, HELP);
  const listen = parseListenUrl(values.listen ?? 'stdio://');
  const token = readToken(values['ws-token-file']);
  const { serve } = await import('./serve.ts');
  await serve({
    listen,
    token,
    overrides: values.config ?? [],
    enable: values.enable ?? [],
    disable: values.disable ?? [],
  });
  return undefined;
}

function readToken(file: string | undefined): string | undefined {
  if (file) {
    try {
      const token = readFileSync(file, 'utf8').trim();
      if (!token) throw new CliError(`--ws-token-file ${file} is empty`);
      return token;
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`cannot read --ws-token-file ${file}: ${(err as Error).message}`);
    }
  }
  return process.env.WEFT_WS_TOKEN || undefined;
}

async function generate(sub: 'generate-ts' | 'generate-json-schema', args: string[]): Promise<number> {
  const ts = sub === 'generate-ts';
  const help = generateHelp(ts ? 'TypeScript bindings' : 'JSON Schema');
  const { values, positionals } = parse(
    args,
    {
      ...CONFIG_OPTIONS,
      out: { type: 'string', short: 'o' },
      experimental: { type: 'boolean' },
      ...(ts ? { prettier: { type: 'string', short: 'p' } } : {}),
    },
    help,
  );
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`, help);
  if (!values.out) throw new UsageError('the following required arguments were not provided:\n  --out <DIR>', help);
  const opts = { experimental: values.experimental === true };
  if (ts) {
    const { writeTypescript } = await import('../protocol/emit-typescript.ts');
    await writeTypescript(values.out, { ...opts, prettier: (values as { prettier?: string }).prettier });
  } else {
    const { writeJsonSchema } = await import('../protocol/emit-json-schema.ts');
    await writeJsonSchema(values.out, opts);
  }
  return 0;
}
