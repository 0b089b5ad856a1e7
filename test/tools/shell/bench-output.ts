// Measures a command with 20,000 lines of output (printed after 0.3 s, so that it streams rather
// than arriving with the exit) streamed to the client while another thread keeps
// taking plain turns: how long the big command's turn takes, how many output bytes reached the
// client, and the other thread's turn latencies meanwhile (against the same turns with nothing
// else running). Not a test (nothing is asserted); run it by hand after a build:
//   node --import tsx test/tools/shell/bench-output.ts [lines]
import { mockConfig, startMockModel } from '../../support/mock-model.ts';
import { startStdio, tempHome } from '../../support/weft.ts';

const lines = Number(process.argv[2] ?? 20_000);
const PLAIN_TURNS = 40;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const text = (t: string) => [{ type: 'text', text: t }];

const cmd = `sleep 0.3; for i in $(seq 1 ${lines}); do echo "line $i of the output, padded to look like a build log"; done`;
// The mock serves its script in request order: the first request, the busy thread's, gets the command.
const mock = await startMockModel(
  [{ items: [{ type: 'function_call', name: 'exec_command', arguments: { cmd, yield_time_ms: 30_000, max_output_tokens: 1000 }, call_id: 'big' }] }],
  { items: [{ type: 'message', text: 'ok' }] },
);
const home = tempHome(mockConfig(mock.url));
const { weft, client } = await startStdio(home);
await client.initialize();
const busy = (await client.request('thread/start', {})).result.thread.id;
const quiet = (await client.request('thread/start', {})).result.thread.id;

async function plainTurns(): Promise<number[]> {
  const took: number[] = [];
  for (let i = 0; i < PLAIN_TURNS; i++) {
    const t = performance.now();
    const turnId = (await client.request('turn/start', { threadId: quiet, input: text('hi') })).result.turn.id;
    await client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId, 60_000);
    took.push(performance.now() - t);
  }
  return took;
}

const start = performance.now();
const bigTurn = (await client.request('turn/start', { threadId: busy, input: text('build') })).result.turn.id;
await client.next((m) => m.method === 'item/commandExecution/outputDelta' && m.params.itemId === 'big');
const during = await plainTurns();
await client.next((m) => m.method === 'turn/completed' && m.params.turn.id === bigTurn, 120_000);
const bigMs = performance.now() - start;
const alone = await plainTurns();
const output = client.log.filter((m) => m.method === 'item/commandExecution/outputDelta' && m.params.itemId === 'big');
const bytes = output.reduce((n, m) => n + Buffer.byteLength(m.params.delta), 0);

console.log(`${lines}-line command: turn ${bigMs.toFixed(0)} ms, ${output.length} outputDelta notifications, ${bytes} bytes delivered`);
console.log(
  `other thread, ${PLAIN_TURNS} plain turns: during the command p50 ${pct(during, 50).toFixed(1)} ms, max ${pct(during, 100).toFixed(1)} ms; ` +
    `alone p50 ${pct(alone, 50).toFixed(1)} ms, max ${pct(alone, 100).toFixed(1)} ms`,
);
await weft.kill();
await mock.close();
home.dispose();
