import type { FeatureStates, ModelProvider, Settings, Verbosity, WebSearchMode, WebSearchOptions } from '../../config/index.ts';
import type {
  AskForApproval,
  DynamicToolSpec,
  ModeKind,
  Personality,
  ReasoningEffort,
  ReasoningSummary,
  SandboxPolicy,
  ServiceTier,
} from '../../protocol/index.ts';
import type { McpToolInfo } from '../../tools/specs/index.ts';
import type { SkillRef } from './skills-section.ts';
import type { UserShell } from './user-shell.ts';

/** Everything about a thread's current settings that shapes what the model is sent. */
export interface TurnContext {
  model: string;
  provider: ModelProvider;
  cwd: string;
  approvalPolicy: AskForApproval;
  sandboxPolicy: SandboxPolicy;
  /** null: the model's default. */
  effort: ReasoningEffort | null;
  summary: ReasoningSummary | null;
  /** `model_verbosity` from config; null: the model's default. */
  verbosity: Verbosity | null;
  serviceTier: ServiceTier | null;
  /** Replaces Weft's system prompt (thread/start `baseInstructions`, `model_instructions_file`). */
  baseInstructions: string | null;
  developerInstructions: string | null;
  /** From loadUserInstructions for this cwd. */
  userInstructions: string | null;
  /** The enabled skills, listed in the user instructions. */
  skills: readonly SkillRef[];
  personality: Personality | null;
  /** The turn's collaboration mode (turn/start `collaborationMode`); Default until a turn chooses one. */
  collaborationMode: ModeKind;
  /** What the mode tells the model (see modeInstructions); null: nothing. */
  collaborationInstructions: string | null;
  /** This turn's turn/start `outputSchema`. */
  outputSchema: unknown;
  features: FeatureStates;
  /** How commands' environments are built (`shell_environment_policy`, with the thread's overrides). */
  shellEnvironmentPolicy: Settings['shellEnvironmentPolicy'];
  /** `web_search` from config. */
  webSearch?: WebSearchMode;
  /** `[tools.web_search]` from config. */
  webSearchOptions?: WebSearchOptions;
  dynamicTools: readonly DynamicToolSpec[];
  /** null when no MCP server is enabled. */
  mcpTools: readonly McpToolInfo[] | null;
  shell: UserShell;
  /** Defaults to now, in the local zone (see environment-context.ts). */
  currentDate?: string;
  timezone?: string;
  /** For $TMPDIR as a writable root; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}
