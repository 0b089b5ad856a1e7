import type { Model, ReasoningEffort } from '../../protocol/index.ts';

type ReasoningEffortOption = Model['supportedReasoningEfforts'][number];

/**
 * One model of the catalogue codex-cli 0.113.0 bundles, as `model/list` shows it plus the facts the
 * engine needs. The strings are the reference's, byte for byte: clients display them.
 */
export interface CatalogueModel {
  slug: string;
  displayName: string;
  description: string;
  /** Listed only when the client asks for hidden models. */
  hidden: boolean;
  supportedReasoningEfforts: ReasoningEffortOption[];
  defaultReasoningEffort: ReasoningEffort;
  inputModalities: NonNullable<Model['inputModalities']>;
  supportsPersonality: boolean;
  /** The model clients are invited to move to; the reference leaves `{model_to}`-style placeholders unfilled. */
  upgrade: { model: string; migrationMarkdown: string } | null;
  availabilityNux: Model['availabilityNux'];
  /** In tokens, before the share the engine keeps as headroom. */
  contextWindow: number;
  /** How tool outputs kept for the model are measured and cut: 10 000 tokens or 10 000 bytes. */
  toolOutputBudget: 'tokens' | 'bytes';
}

const CODEX_EFFORTS_XHIGH: ReasoningEffortOption[] = [
  { reasoningEffort: 'low', description: 'Fast responses with lighter reasoning' },
  { reasoningEffort: 'medium', description: 'Balances speed and reasoning depth for everyday tasks' },
  { reasoningEffort: 'high', description: 'Greater reasoning depth for complex problems' },
  { reasoningEffort: 'xhigh', description: 'Extra high reasoning depth for complex problems' },
];

const CODEX_EFFORTS: ReasoningEffortOption[] = [
  { reasoningEffort: 'low', description: 'Fastest responses with limited reasoning' },
  { reasoningEffort: 'medium', description: 'Dynamically adjusts reasoning based on the task' },
  { reasoningEffort: 'high', description: 'Maximizes reasoning depth for complex or ambiguous problems' },
];

const GPT_EFFORTS_XHIGH: ReasoningEffortOption[] = [
  { reasoningEffort: 'low', description: 'Balances speed with some reasoning; useful for straightforward queries and short explanations' },
  { reasoningEffort: 'medium', description: 'Provides a solid balance of reasoning depth and latency for general-purpose tasks' },
  { reasoningEffort: 'high', description: 'Maximizes reasoning depth for complex or ambiguous problems' },
  { reasoningEffort: 'xhigh', description: 'Extra high reasoning for complex problems' },
];

const GPT_EFFORTS: ReasoningEffortOption[] = [
  { reasoningEffort: 'low', description: 'Balances speed with some reasoning; useful for straightforward queries and short explanations' },
  { reasoningEffort: 'medium', description: 'Provides a solid balance of reasoning depth and latency for general-purpose tasks' },
  { reasoningEffort: 'high', description: 'Maximizes reasoning depth for complex or ambiguous problems' },
];

const GPT_EFFORTS_MINIMAL: ReasoningEffortOption[] = [
  { reasoningEffort: 'minimal', description: 'Fastest responses with little reasoning' },
  { reasoningEffort: 'low', description: 'Balances speed with some reasoning; useful for straightforward queries and short explanations' },
  { reasoningEffort: 'medium', description: 'Provides a solid balance of reasoning depth and latency for general-purpose tasks' },
  { reasoningEffort: 'high', description: 'Maximizes reasoning depth for complex or ambiguous problems' },
];

const CODEX_MINI_EFFORTS: ReasoningEffortOption[] = [
  { reasoningEffort: 'medium', description: 'Dynamically adjusts reasoning based on the task' },
  { reasoningEffort: 'high', description: 'Maximizes reasoning depth for complex or ambiguous problems' },
];

const GPT_5_4_MIGRATION = `Introducing GPT-5.4

Codex just got an upgrade with GPT-5.4, our most capable model for professional work. It outperforms prior models while being more token efficient, with notable improvements on long-running tasks, tool calling, computer use, and frontend development.

Learn more: https://openai.com/index/introducing-gpt-5-4

You can always keep using GPT-5.3-Codex if you prefer.
`;

const GPT_5_3_CODEX_MIGRATION = `**Codex just got an upgrade. Introducing {model_to}.**

Codex is now powered by {model_to}, our most capable agentic coding model yet. It's built for long-running, project-scale work, with mid-turn steering + frequent progress updates so you can collaborate while it runs (and it's faster too).

Learn more: https://openai.com/index/introducing-gpt-5-3-codex/

You can keep using {model_from} if you prefer.
`;

/** In the reference's order (by priority), which is the order `model/list` answers in. */
export const CATALOGUE: readonly CatalogueModel[] = [
  {
    slug: 'gpt-5.3-codex',
    displayName: 'gpt-5.3-codex',
    description: 'Latest frontier agentic coding model.',
    hidden: false,
    supportedReasoningEfforts: CODEX_EFFORTS_XHIGH,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: true,
    upgrade: { model: 'gpt-5.4', migrationMarkdown: GPT_5_4_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
  {
    slug: 'gpt-5.4',
    displayName: 'gpt-5.4',
    description: 'Latest frontier agentic coding model.',
    hidden: false,
    supportedReasoningEfforts: CODEX_EFFORTS_XHIGH,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: true,
    upgrade: null,
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
  {
    slug: 'gpt-5.2-codex',
    displayName: 'gpt-5.2-codex',
    description: 'Frontier agentic coding model.',
    hidden: false,
    supportedReasoningEfforts: CODEX_EFFORTS_XHIGH,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: true,
    upgrade: { model: 'gpt-5.4', migrationMarkdown: GPT_5_4_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
  {
    slug: 'gpt-5.1-codex-max',
    displayName: 'gpt-5.1-codex-max',
    description: 'Codex-optimized flagship for deep and fast reasoning.',
    hidden: false,
    supportedReasoningEfforts: CODEX_EFFORTS_XHIGH,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.4', migrationMarkdown: GPT_5_4_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
  {
    slug: 'gpt-5.1-codex',
    displayName: 'gpt-5.1-codex',
    description: 'Optimized for codex.',
    hidden: true,
    supportedReasoningEfforts: CODEX_EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.3-codex', migrationMarkdown: GPT_5_3_CODEX_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
  {
    slug: 'gpt-5.2',
    displayName: 'gpt-5.2',
    description: 'Latest frontier model with improvements across knowledge, reasoning and coding',
    hidden: false,
    supportedReasoningEfforts: GPT_EFFORTS_XHIGH,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.4', migrationMarkdown: GPT_5_4_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'bytes',
  },
  {
    slug: 'gpt-5.1',
    displayName: 'gpt-5.1',
    description: 'Broad world knowledge with strong general reasoning.',
    hidden: true,
    supportedReasoningEfforts: GPT_EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.3-codex', migrationMarkdown: GPT_5_3_CODEX_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'bytes',
  },
  {
    slug: 'gpt-5-codex',
    displayName: 'gpt-5-codex',
    description: 'Optimized for codex.',
    hidden: true,
    supportedReasoningEfforts: CODEX_EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.3-codex', migrationMarkdown: GPT_5_3_CODEX_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
  {
    slug: 'gpt-5',
    displayName: 'gpt-5',
    description: 'Broad world knowledge with strong general reasoning.',
    hidden: true,
    supportedReasoningEfforts: GPT_EFFORTS_MINIMAL,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.3-codex', migrationMarkdown: GPT_5_3_CODEX_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'bytes',
  },
  {
    slug: 'gpt-oss-120b',
    displayName: 'gpt-oss-120b',
    description: 'OpenAI OSS model, 120B parameters.',
    hidden: true,
    supportedReasoningEfforts: GPT_EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text'],
    supportsPersonality: false,
    upgrade: null,
    availabilityNux: null,
    contextWindow: 128_000,
    toolOutputBudget: 'bytes',
  },
  {
    slug: 'gpt-oss-20b',
    displayName: 'gpt-oss-20b',
    description: 'OpenAI OSS model, 20B parameters.',
    hidden: true,
    supportedReasoningEfforts: GPT_EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text'],
    supportsPersonality: false,
    upgrade: null,
    availabilityNux: null,
    contextWindow: 128_000,
    toolOutputBudget: 'bytes',
  },
  {
    slug: 'gpt-5.1-codex-mini',
    displayName: 'gpt-5.1-codex-mini',
    description: 'Optimized for codex. Cheaper, faster, but less capable.',
    hidden: false,
    supportedReasoningEfforts: CODEX_MINI_EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.4', migrationMarkdown: GPT_5_4_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
  {
    slug: 'gpt-5-codex-mini',
    displayName: 'gpt-5-codex-mini',
    description: 'Optimized for codex. Cheaper, faster, but less capable.',
    hidden: true,
    supportedReasoningEfforts: CODEX_MINI_EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text', 'image'],
    supportsPersonality: false,
    upgrade: { model: 'gpt-5.3-codex', migrationMarkdown: GPT_5_3_CODEX_MIGRATION },
    availabilityNux: null,
    contextWindow: 272_000,
    toolOutputBudget: 'tokens',
  },
];
