// Records and entries for the store's tests and benchmark.
import type { ThreadEntry, ThreadRecord } from '../../src/store/index.ts';

/** A thread record shaped like the engine's, with engine-like settings. */
export function record(overrides: Partial<ThreadRecord> = {}): ThreadRecord {
  const id = overrides.id ?? '019a0000-0000-7000-8000-000000000001';
  return {
    id,
    createdAt: 1_750_000_000,
    updatedAt: 1_750_000_000,
    cwd: '/work/project',
    modelProvider: 'openai',
    source: 'vscode',
    cliVersion: '0.113.0',
    name: null,
    preview: 'fix the failing test',
    gitInfo: { sha: 'a'.repeat(40), branch: 'main', originUrl: 'https://example.com/repo.git' },
    agentNickname: null,
    agentRole: null,
    archived: false,
    path: `/home/user/.codex/sessions/2025/06/15/rollout-2025-06-15T10-00-00-${id}.jsonl`,
    forkedFromId: null,
    settings: {
      model: 'gpt-5.3-codex',
      modelProvider: 'openai',
      serviceTier: null,
      cwd: '/work/project',
      approvalPolicy: 'on-request',
      sandboxPolicy: { type: 'workspaceWrite', writableRoots: [], networkAccess: false },
      effort: 'medium',
      summary: 'auto',
      personality: null,
      baseInstructions: null,
      developerInstructions: null,
      dynamicTools: [],
      persistExtendedHistory: false,
    },
    ...overrides,
  };
}

const SOURCES: ThreadRecord['source'][] = [
  'vscode', 'cli', 'vscode', 'cli', 'exec', 'appServer', 'vscode', 'cli', 'unknown',
  { subAgent: { thread_spawn: { parent_thread_id: '019a0000-0000-7000-8000-000000000001', depth: 1 } } },
];

/** The i-th of many threads: 100 cwds, 3 providers, 10% archived, 10% sub-agents, timestamps shared by 10. */
record.varied = (i: number): ThreadRecord =>
  record({
    id: `019a${i.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`,
    createdAt: 1_700_000_000 + Math.floor(i / 10),
    updatedAt: 1_700_000_000 + ((i * 7919) % 1_000_003),
    cwd: `/work/project-${i % 100}`,
    modelProvider: `p${i % 3}`,
    source: SOURCES[i % SOURCES.length]!,
    archived: i % 10 === 3,
    preview: `thread ${i}: make the build faster`,
  });

export const entry = {
  user: (turnId: string, text: string): ThreadEntry => ({
    kind: 'item',
    turnId,
    item: { type: 'userMessage', id: `${turnId}-user`, content: [{ type: 'text', text, text_elements: [] }] },
  }),
  userResponse: (turnId: string, text: string): ThreadEntry => ({
    kind: 'response',
    turnId,
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
  }),
  agent: (turnId: string, text: string): ThreadEntry => ({
    kind: 'item',
    turnId,
    item: { type: 'agentMessage', id: `${turnId}-agent`, text, phase: null },
  }),
  agentResponse: (turnId: string, text: string): ThreadEntry => ({
    kind: 'response',
    turnId,
    item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] },
  }),
};
