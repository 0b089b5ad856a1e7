/**
 * Test support for decode.ts: the reference JSON Schema bundle of codex app-server 0.113.0, made to
 * read like our TypeBox schemas must. The bundle (schemars output) loses serde facts the decoder
 * needs, so on load we apply ANNOTATIONS:
 *  - `order`: struct properties in Rust declaration order (the bundle sorts them alphabetically;
 *    serde reports missing fields in declaration order and maps array elements onto fields by it),
 *    derived from `codex app-server generate-ts --experimental` of the same binary (ts-rs keeps
 *    declaration order);
 *  - `set`: custom keywords (`serdeVariants`, `serdeExpected: 'path string'` for PathBuf fields,
 *    `serdeAbsolutePath` for AbsolutePathBuf, `serdeOther`, `serdeAliases`, `serdeNewtype`) or a
 *    corrected `title` (the Rust type name);
 *  - `seqDefault`: fields that are `#[serde(default)]` although the bundle shows no `default`
 *    (observable only through the array form of a struct);
 *  - `notRequired` / `replace`: places where the bundle describes a type serde does not read that way.
 * Every entry was found by sending requests to the 0.113.0 binary. Only definitions reachable from
 * client request params are covered. Keys are paths below `#/definitions/`.
 */
import { readFileSync } from 'node:fs';

export const REFERENCE_BUNDLE_PATH =
  process.env.WEFT_REFERENCE_V2_BUNDLE ??
  new URL('../../../shared/reference/codex-app-server-0.113.0/codex_app_server_protocol.v2.schemas.json', import.meta.url).pathname;

export interface Annotation {
  order?: readonly string[];
  set?: Readonly<Record<string, unknown>>;
  seqDefault?: readonly string[];
  notRequired?: readonly string[];
  replace?: object;
}

export const ANNOTATIONS: Readonly<Record<string, Annotation>> = {
  "AbsolutePathBuf": { set: {"serdeAbsolutePath": true} },
  "AppsListParams": { order: ["cursor", "limit", "threadId", "forceRefetch"], seqDefault: ["forceRefetch"] },
  "AskForApproval": { set: {"serdeVariants": ["untrusted", "on-failure", "on-request", "reject", "never"]} },
  "AskForApproval/oneOf/1/properties/reject": { order: ["sandbox_approval", "rules", "mcp_elicitations"] },
  "ByteRange": { order: ["start", "end"] },
  "CommandExecParams": { order: ["command", "processId", "tty", "streamStdin", "streamStdoutStderr", "outputBytesCap", "disableOutputCap", "disableTimeout", "timeoutMs", "cwd", "env", "size", "sandboxPolicy"], seqDefault: ["tty", "streamStdin", "streamStdoutStderr", "disableOutputCap", "disableTimeout"] },
  "CommandExecParams/properties/cwd": { set: {"serdeExpected": "path string"} },
  "CommandExecTerminalSize": { order: ["rows", "cols"] },
  "CommandExecWriteParams": { order: ["processId", "deltaBase64", "closeStdin"], seqDefault: ["closeStdin"] },
  "ConfigBatchWriteParams": { order: ["edits", "filePath", "expectedVersion", "reloadUserConfig"], seqDefault: ["reloadUserConfig"] },
  "ConfigEdit": { order: ["keyPath", "value", "mergeStrategy"] },
  "ConfigReadParams": { order: ["includeLayers", "cwd"] },
  "ConfigValueWriteParams": { order: ["keyPath", "value", "mergeStrategy", "filePath", "expectedVersion"] },
  "ContentItem/oneOf/0": { order: ["type", "text"] },
  "ContentItem/oneOf/1": { order: ["type", "image_url"] },
  "ContentItem/oneOf/2": { order: ["type", "text"] },
  "DynamicToolSpec": { order: ["name", "description", "inputSchema"] },
  "ExternalAgentConfigDetectParams": { order: ["includeHome", "cwds"], seqDefault: ["includeHome"] },
  "ExternalAgentConfigDetectParams/properties/cwds/items": { set: {"serdeExpected": "path string"} },
  "ExternalAgentConfigMigrationItem": { order: ["itemType", "description", "cwd"] },
  "ExternalAgentConfigMigrationItem/properties/cwd": { set: {"serdeExpected": "path string"} },
  "FeedbackUploadParams": { order: ["classification", "reason", "threadId", "includeLogs", "extraLogFiles"] },
  "FunctionCallOutputContentItem/oneOf/0": { order: ["type", "text"] },
  "FunctionCallOutputContentItem/oneOf/1": { order: ["type", "image_url", "detail"] },
  "FunctionCallOutputPayload": { replace: {"$ref": "#/definitions/FunctionCallOutputBody"} },
  "FuzzyFileSearchParams": { order: ["query", "roots", "cancellationToken"] },
  "FuzzyFileSearchSessionStartParams": { order: ["sessionId", "roots"] },
  "FuzzyFileSearchSessionUpdateParams": { order: ["sessionId", "query"] },
  "GhostCommit": { order: ["id", "parent", "preexisting_untracked_files", "preexisting_untracked_dirs"] },
  "GhostCommit/properties/preexisting_untracked_dirs/items": { set: {"serdeExpected": "path string"} },
  "GhostCommit/properties/preexisting_untracked_files/items": { set: {"serdeExpected": "path string"} },
  "InitializeParams": { order: ["clientInfo", "capabilities"] },
  "LocalShellAction/oneOf/0": { order: ["type", "command", "timeout_ms", "working_directory", "env", "user"], set: {"serdeNewtype": "LocalShellExecAction"} },
  "LoginAccountParams/oneOf/0": { order: ["type", "apiKey"] },
  "LoginAccountParams/oneOf/2": { order: ["type", "accessToken", "chatgptAccountId", "chatgptPlanType"] },
  "McpServerOauthLoginParams": { seqDefault: ["scopes", "timeoutSecs"] },
  "ModeKind": { set: {"serdeVariants": ["plan", "code", "custom", "default", "execute", "pair_programming"], "serdeAliases": {"code": "default", "custom": "default", "execute": "default", "pair_programming": "default"}} },
  "ModelListParams": { order: ["cursor", "limit", "includeHidden"] },
  "ReadOnlyAccess/oneOf/0": { order: ["type", "includePlatformDefaults", "readableRoots"] },
  "ReasoningItemContent/oneOf/0": { order: ["type", "text"] },
  "ReasoningItemContent/oneOf/1": { order: ["type", "text"] },
  "ReasoningItemReasoningSummary/oneOf/0": { order: ["type", "text"] },
  "ResponseItem": { set: {"serdeOther": "other"} },
  "ResponseItem/oneOf/0": { order: ["id", "type", "role", "content", "end_turn", "phase"], seqDefault: ["id", "end_turn", "phase"] },
  "ResponseItem/oneOf/1": { order: ["id", "type", "summary", "content", "encrypted_content"], seqDefault: ["id"], notRequired: ["id"] },
  "ResponseItem/oneOf/10": { order: ["type", "encrypted_content"] },
  "ResponseItem/oneOf/2": { order: ["id", "type", "call_id", "status", "action"], seqDefault: ["id"] },
  "ResponseItem/oneOf/3": { order: ["id", "type", "name", "arguments", "call_id"], seqDefault: ["id"] },
  "ResponseItem/oneOf/4": { order: ["type", "call_id", "output"] },
  "ResponseItem/oneOf/5": { order: ["id", "type", "status", "call_id", "name", "input"], seqDefault: ["id", "status"] },
  "ResponseItem/oneOf/6": { order: ["type", "call_id", "output"] },
  "ResponseItem/oneOf/7": { order: ["id", "type", "status", "action"], seqDefault: ["id", "status", "action"] },
  "ResponseItem/oneOf/8": { order: ["type", "id", "status", "revised_prompt", "result"], seqDefault: ["revised_prompt"] },
  "ResponseItem/oneOf/9": { order: ["type", "ghost_commit"] },
  "ResponsesApiWebSearchAction": { set: {"serdeOther": "other", "title": "WebSearchAction"} },
  "ResponsesApiWebSearchAction/oneOf/0": { order: ["type", "query", "queries"], seqDefault: ["query", "queries"] },
  "ResponsesApiWebSearchAction/oneOf/1": { seqDefault: ["url"] },
  "ResponsesApiWebSearchAction/oneOf/2": { order: ["type", "url", "pattern"], seqDefault: ["url", "pattern"] },
  "ReviewStartParams": { order: ["threadId", "target", "delivery"] },
  "ReviewTarget/oneOf/1": { order: ["type", "branch"] },
  "ReviewTarget/oneOf/2": { order: ["type", "sha", "title"] },
  "ReviewTarget/oneOf/3": { order: ["type", "instructions"] },
  "SandboxPolicy/oneOf/1": { order: ["type", "access", "networkAccess"] },
  "SandboxPolicy/oneOf/2": { order: ["type", "networkAccess"] },
  "SandboxPolicy/oneOf/3": { order: ["type", "writableRoots", "readOnlyAccess", "networkAccess", "excludeTmpdirEnvVar", "excludeSlashTmp"] },
  "Settings": { order: ["model", "reasoning_effort", "developer_instructions"] },
  "SkillsConfigWriteParams": { order: ["path", "enabled"] },
  "SkillsConfigWriteParams/properties/path": { set: {"serdeExpected": "path string"} },
  "SkillsListExtraRootsForCwd/properties/cwd": { set: {"serdeExpected": "path string"} },
  "SkillsListExtraRootsForCwd/properties/extraUserRoots/items": { set: {"serdeExpected": "path string"} },
  "SkillsListParams": { seqDefault: ["cwds", "forceReload"] },
  "SkillsListParams/properties/cwds/items": { set: {"serdeExpected": "path string"} },
  "SkillsRemoteReadParams": { order: ["hazelnutScope", "productSurface", "enabled"] },
  "ThreadForkParams": { order: ["threadId", "path", "model", "modelProvider", "serviceTier", "cwd", "approvalPolicy", "sandbox", "config", "baseInstructions", "developerInstructions", "persistExtendedHistory"], seqDefault: ["serviceTier"] },
  "ThreadForkParams/properties/path": { set: {"serdeExpected": "path string"} },
  "ThreadListParams": { order: ["cursor", "limit", "sortKey", "modelProviders", "sourceKinds", "archived", "cwd", "searchTerm"] },
  "ThreadMetadataGitInfoUpdateParams": { order: ["sha", "branch", "originUrl"], seqDefault: ["sha", "branch", "originUrl"] },
  "ThreadMetadataUpdateParams": { order: ["threadId", "gitInfo"] },
  "ThreadReadParams": { order: ["threadId", "includeTurns"] },
  "ThreadRealtimeAppendAudioParams": { order: ["threadId", "audio"] },
  "ThreadRealtimeAppendTextParams": { order: ["threadId", "text"] },
  "ThreadRealtimeAudioChunk": { order: ["data", "sampleRate", "numChannels", "samplesPerChannel"] },
  "ThreadRealtimeStartParams": { order: ["threadId", "prompt", "sessionId"] },
  "ThreadResumeParams": { order: ["threadId", "history", "path", "model", "modelProvider", "serviceTier", "cwd", "approvalPolicy", "sandbox", "config", "baseInstructions", "developerInstructions", "personality", "persistExtendedHistory"], seqDefault: ["serviceTier"] },
  "ThreadResumeParams/properties/path": { set: {"serdeExpected": "path string"} },
  "ThreadRollbackParams": { order: ["threadId", "numTurns"] },
  "ThreadSetNameParams": { order: ["threadId", "name"] },
  "ThreadStartParams": { order: ["model", "modelProvider", "serviceTier", "cwd", "approvalPolicy", "sandbox", "config", "serviceName", "baseInstructions", "developerInstructions", "personality", "ephemeral", "dynamicTools", "mockExperimentalField", "experimentalRawEvents", "persistExtendedHistory"], seqDefault: ["serviceTier"] },
  "TurnStartParams": { order: ["threadId", "input", "cwd", "approvalPolicy", "sandboxPolicy", "model", "serviceTier", "effort", "summary", "personality", "outputSchema", "collaborationMode"], seqDefault: ["serviceTier"] },
  "TurnStartParams/properties/cwd": { set: {"serdeExpected": "path string"} },
  "TurnSteerParams": { order: ["threadId", "input", "expectedTurnId"] },
  "UserInput/oneOf/0": { order: ["type", "text", "text_elements"] },
  "UserInput/oneOf/2": { order: ["type", "path"] },
  "UserInput/oneOf/2/properties/path": { set: {"serdeExpected": "path string"} },
  "UserInput/oneOf/3": { order: ["type", "name", "path"] },
  "UserInput/oneOf/3/properties/path": { set: {"serdeExpected": "path string"} },
  "UserInput/oneOf/4": { order: ["type", "name", "path"] },
  "WindowsSandboxSetupStartParams": { order: ["mode", "cwd"] },
};

type Json = Record<string, unknown>;

function at(root: Json, path: string): Json {
  let node: unknown = root;
  for (const part of path.split('/')) node = (node as Json)[part];
  if (typeof node !== 'object' || node === null) throw new Error(`no schema at ${path}`);
  return node as Json;
}

export interface ReferenceSchemas {
  definitions: Record<string, Json>;
  /** Resolves `#/definitions/X` within the bundle. A stable function: decode() caches plans per resolver. */
  resolveRef: (ref: string) => object | undefined;
  /** `{ $ref: '#/definitions/<name>' }`, the way a request's params refer to their type. */
  ref: (name: string) => object;
}

export function loadReferenceSchemas(path: string = REFERENCE_BUNDLE_PATH): ReferenceSchemas {
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as { definitions: Record<string, Json> };
  const definitions = bundle.definitions;
  for (const [where, a] of Object.entries(ANNOTATIONS)) {
    if (a.replace !== undefined) {
      const slash = where.lastIndexOf('/');
      const parent = slash < 0 ? definitions : at(definitions, where.slice(0, slash));
      parent[where.slice(slash + 1)] = a.replace;
      continue;
    }
    const node = at(definitions, where);
    if (a.order !== undefined) {
      const props = node.properties as Json;
      const reordered: Json = {};
      for (const k of a.order) reordered[k] = props[k];
      for (const k of Object.keys(props)) if (!(k in reordered)) reordered[k] = props[k];
      node.properties = reordered;
    }
    if (a.set !== undefined) Object.assign(node, a.set);
    for (const f of a.seqDefault ?? []) ((node.properties as Json)[f] as Json).serdeSeqDefault = true;
    if (a.notRequired !== undefined) node.required = (node.required as string[]).filter((f) => !a.notRequired!.includes(f));
  }
  const prefix = '#/definitions/';
  const resolveRef = (ref: string) => (ref.startsWith(prefix) ? definitions[ref.slice(prefix.length)] : undefined);
  return { definitions, resolveRef, ref: (name) => ({ $ref: prefix + name }) };
}
