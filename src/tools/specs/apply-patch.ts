import { closedObject, functionTool, string, type CustomToolSpec, type FunctionToolSpec } from './types.ts';

/**
 * The patch language, as a Lark grammar the API constrains the model's output with. A patch
 * wraps file operations in Begin/End markers; updates are context hunks of ' ', '-' and '+'
 * lines, optionally anchored by "@@ <line>" and closed by an end-of-file marker.
 */
const PATCH_GRAMMAR = `start: "*** Begin Patch" LF operation+ "*** End Patch" LF?

operation: add_file | delete_file | update_file

add_file: "*** Add File: " path LF added_line+
delete_file: "*** Delete File: " path LF
update_file: "*** Update File: " path LF rename? hunks?

rename: "*** Move to: " path LF
hunks: (anchor | hunk_line)+ eof_marker?
anchor: "@@" (" " /(.+)/)? LF
hunk_line: (" " | "-" | "+") /(.*)/ LF
added_line: "+" /(.*)/ LF
eof_marker: "*** End of File" LF

path: /(.+)/

%import common.LF
`;

export const APPLY_PATCH_FREEFORM: CustomToolSpec = {
  type: 'custom',
  name: 'apply_patch',
  description: 'Create, edit, move or delete files with a patch. Write the patch itself as the input, not JSON.',
  format: { type: 'grammar', syntax: 'lark', definition: PATCH_GRAMMAR },
};

/** For models that take the patch as a JSON argument instead of free text. */
export const APPLY_PATCH_FUNCTION: FunctionToolSpec = functionTool(
  'apply_patch',
  [
    'Create, edit, move or delete files with a patch. The patch starts with "*** Begin Patch" and ends with "*** End Patch"; in between, one section per file:',
    '"*** Add File: <path>" followed by the new content, every line prefixed with "+";',
    '"*** Delete File: <path>";',
    '"*** Update File: <path>", optionally "*** Move to: <new path>", then hunks: an optional "@@ <a line near the change>" anchor, then the lines around and in the change, prefixed with " " (kept), "-" (removed) or "+" (added). Give about three unchanged lines of context above and below each change.',
    'Paths are relative to the working directory.',
  ].join('\n'),
  closedObject({ input: string('The whole patch.') }, ['input']),
);
