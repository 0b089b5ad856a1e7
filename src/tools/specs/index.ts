/**
 * The tools offered to the model, and the rules deciding which: the reference's order and
 * conditions, so a request lists the same tools under the same configuration.
 */
import type { FeatureStates, WebSearchMode, WebSearchOptions } from '../../config/index.ts';
import type { DynamicToolSpec, SandboxPolicy } from '../../protocol/index.ts';
import { APPLY_PATCH_FREEFORM, APPLY_PATCH_FUNCTION } from './apply-patch.ts';
import { dynamicTool } from './dynamic-tool.ts';
import { execCommandTool } from './exec-command.ts';
import { UnsupportedSchemaError } from './json-schema.ts';
import { LIST_MCP_RESOURCE_TEMPLATES } from './list-mcp-resource-templates.ts';
import { LIST_MCP_RESOURCES } from './list-mcp-resources.ts';
import { mcpTool, type McpToolInfo } from './mcp-tool.ts';
import { READ_MCP_RESOURCE } from './read-mcp-resource.ts';
import { REQUEST_PERMISSIONS } from './request-permissions.ts';
import { requestUserInputTool } from './request-user-input.ts';
import { shellCommandTool } from './shell-command.ts';
import { shellTool } from './shell.ts';
import type { ToolSpec } from './types.ts';
import { UPDATE_PLAN } from './update-plan.ts';
import { VIEW_IMAGE } from './view-image.ts';
import { configuredWebSearchMode, webSearchTool } from './web-search.ts';
import { WRITE_STDIN } from './write-stdin.ts';

export { toApiSchema, UnsupportedSchemaError } from './json-schema.ts';
export type { McpToolInfo } from './mcp-tool.ts';
export { toolName } from './types.ts';
export type { CustomToolSpec, FunctionToolSpec, JsonSchema, ToolSpec, WebSearchToolSpec } from './types.ts';

/** What the model's catalogue entry says about the tools it is trained for. */
export interface ModelToolTraits {
  /** The command tool when unified exec is off. */
  shellType: 'shell' | 'shell_command';
  /** null: the model gets apply_patch only when the apply_patch_freeform feature is on. */
  applyPatchTool: 'freeform' | 'function' | null;
  inputModalities: readonly ('text' | 'image')[];
}

export interface ToolOfferContext {
  traits: ModelToolTraits;
  features: FeatureStates;
  sandboxPolicy: SandboxPolicy;
  /** `web_search` from config.toml. */
  webSearch?: WebSearchMode;
  /** `[tools.web_search]` from config.toml. */
  webSearchOptions?: WebSearchOptions;
  /**
   * The tools of the running MCP servers; null when no MCP server is enabled. With an enabled
   * server the resource tools are offered even if it failed to start or lists no tools.
   */
  mcpTools: readonly McpToolInfo[] | null;
  dynamicTools: readonly DynamicToolSpec[];
}

export function toolSpecsFor(ctx: ToolOfferContext): ToolSpec[] {
  const { features, traits } = ctx;
  const tools: ToolSpec[] = [];
  if (features.shell_tool) {
    // `request_permissions` lets a command ask for permissions of its own (additional_permissions).
    const additional = features.request_permissions;
    if (features.unified_exec) tools.push(execCommandTool(additional), WRITE_STDIN);
    else tools.push(traits.shellType === 'shell_command' ? shellCommandTool(additional) : shellTool(additional));
  }
  if (ctx.mcpTools) tools.push(LIST_MCP_RESOURCES, LIST_MCP_RESOURCE_TEMPLATES, READ_MCP_RESOURCE);
  tools.push(UPDATE_PLAN, requestUserInputTool(features.default_mode_request_user_input));
  if (features.request_permissions_tool) tools.push(REQUEST_PERMISSIONS);
  const applyPatch = traits.applyPatchTool ?? (features.apply_patch_freeform ? 'freeform' : null);
  if (applyPatch) tools.push(applyPatch === 'freeform' ? APPLY_PATCH_FREEFORM : APPLY_PATCH_FUNCTION);
  const webSearch = webSearchTool(configuredWebSearchMode(ctx.webSearch, features), ctx.sandboxPolicy, ctx.webSearchOptions);
  if (webSearch) tools.push(webSearch);
  if (traits.inputModalities.includes('image')) tools.push(VIEW_IMAGE);
  // Sorted so the tool list, and with it the prompt cache, does not depend on start-up order.
  const mcp = [...(ctx.mcpTools ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const tool of mcp) {
    try {
      tools.push(mcpTool(tool));
    } catch (err) {
      if (!(err instanceof UnsupportedSchemaError)) throw err;
    }
  }
  for (const spec of ctx.dynamicTools) tools.push(dynamicTool(spec));
  return tools;
}
