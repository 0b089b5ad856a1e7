import { WEFT_VERSION, PROTOCOL_CLI_VERSION } from '../version.ts';
import { fail, UsageError } from './usage.ts';

const HELP = `Weft: an app server for coding agents, speaking the Codex app-server protocol v2

Usage: weft <COMMAND>

Commands:
  app-server  Run the app server (stdio or websocket), or generate its protocol schema
  help        Print this message

Options:
  -h, --help     Print help
  -V, --version  Print version
`;

async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'app-server': {
      const { appServer } = await import('./app-server.ts');
      return appServer(rest);
    }
    case '-V':
    case '--version':
      process.stdout.write(`weft ${WEFT_VERSION} (codex app-server protocol of codex-cli ${PROTOCOL_CLI_VERSION})\n`);
      return 0;
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      process.stdout.write(HELP);
      return 0;
    default:
      throw new UsageError(`unrecognized subcommand '${command}'`, HELP);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err) => fail(err),
);
