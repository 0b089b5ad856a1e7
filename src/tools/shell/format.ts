/**
 * The texts the model gets back from the command tools, as the reference writes them. Some are
 * the reference's Rust `Debug` output of its errors, kept because they are what models are used
 * to reading (and the model is the only reader).
 */
import { rustDebugString } from '../../protocol/decode-format.ts';
import { formattedTruncateText, lineCount, truncateText, type TruncationPolicy } from './truncate.ts';

export interface UnifiedExecResponse {
  chunkId: string;
  wallTimeMs: number;
  /** Set once the process has exited; then there is no session id. */
  exitCode: number | null;
  sessionId: number | null;
  /** The output collected for this call (not truncated yet). */
  output: string;
  maxOutputTokens: number;
}

/** exec_command / write_stdin: `Chunk ID`, `Wall time`, the process state, then the output. */
export function unifiedExecText(r: UnifiedExecResponse): string {
  const lines = [`Chunk ID: ${r.chunkId}`, `Wall time: ${(r.wallTimeMs / 1000).toFixed(4)} seconds`];
  if (r.exitCode !== null) lines.push(`Process exited with code ${r.exitCode}`);
  if (r.sessionId !== null) lines.push(`Process running with session ID ${r.sessionId}`);
  lines.push(`Original token count: ${Math.ceil(Buffer.byteLength(r.output) / 4)}`, 'Output:');
  lines.push(formattedTruncateText(r.output, { kind: 'tokens', limit: r.maxOutputTokens }));
  return lines.join('\n');
}

/** Six random hex digits naming one exec_command/write_stdin answer. */
export const chunkId = (): string => Math.floor(Math.random() * 0x1000000).toString(16).padStart(6, '0');

export interface ShellResult {
  exitCode: number;
  durationMs: number;
  /** stdout then stderr, as retained. */
  output: string;
  /** Set when the command was killed at its time limit. */
  timedOutAfterMs: number | null;
}

/** The reference rounds to a tenth of a second (in f32, whose shortest forms match these). */
const seconds = (ms: number) => Math.round(ms / 100) / 10;

const withTimeout = (r: ShellResult) =>
  r.timedOutAfterMs === null ? r.output : `command timed out after ${r.timedOutAfterMs} milliseconds\n${r.output}`;

/** `shell`: JSON as serde writes it (a float keeps its `.0`). */
export function structuredShellText(r: ShellResult, policy: TruncationPolicy): string {
  const s = seconds(r.durationMs);
  const output = JSON.stringify(formattedTruncateText(withTimeout(r), policy));
  return `{"output":${output},"metadata":{"exit_code":${r.exitCode},"duration_seconds":${Number.isInteger(s) ? s.toFixed(1) : s}}}`;
}

/** `shell_command`: plain text, with the line count when truncation dropped lines. */
export function freeformShellText(r: ShellResult, policy: TruncationPolicy): string {
  const content = withTimeout(r);
  const output = truncateText(content, policy);
  const total = lineCount(content);
  const lines = [`Exit code: ${r.exitCode}`, `Wall time: ${seconds(r.durationMs)} seconds`];
  if (total !== lineCount(output)) lines.push(`Total output lines: ${total}`);
  lines.push('Output:', output);
  return lines.join('\n');
}

/** A spawn failure, as Rust's `io::Error` debug-prints an OS error. */
export function ioErrorDebug(err: OsError): string {
  return `Os { code: ${err.errno}, kind: ${err.kind}, message: ${rustDebugString(err.message)} }`;
}

/** ... and as it displays one: `No such file or directory (os error 2)`. */
export const ioErrorDisplay = (err: OsError): string => `${err.message} (os error ${err.errno})`;

export interface OsError {
  errno: number;
  /** Rust's `io::ErrorKind` name. */
  kind: string;
  message: string;
}

/** The reference's `ExecToolCallOutput` debug print, for a sandboxed command it found denied. */
function execOutputDebug(exitCode: number, text: string): string {
  const stream = (t: string) => `StreamOutput { text: ${rustDebugString(t)}, truncated_after_lines: None }`;
  return `ExecToolCallOutput { exit_code: ${exitCode}, stdout: ${stream('')}, stderr: ${stream(text)}, aggregated_output: ${stream(text)}, duration: 0ns, timed_out: false }`;
}

/** exec_command's answer when it could not start a process (`message` is the inner error's debug print). */
export const createProcessFailed = (inner: string): string => `exec_command failed: CreateProcess { message: ${rustDebugString(inner)} }`;

export const rejectedDebug = (reason: string): string => `Rejected(${rustDebugString(reason)})`;

/** A sandbox denial noticed as the process started: the reference reports it as a failed start. */
export const earlyDenialDebug = (exitCode: number, text: string): string =>
  `Codex(Sandbox(Denied { output: ${execOutputDebug(exitCode, text)}, network_policy_decision: None }))`;

/** A sandbox denial noticed once the call had already been answered with output. */
export function lateDenialText(exitCode: number, text: string): string {
  const snippet = formattedTruncateText(text, { kind: 'tokens', limit: 1024 * 1024 / 4 });
  const message = snippet === '' ? `Process exited with code ${exitCode}` : snippet;
  return `exec_command failed: SandboxDenied { message: ${rustDebugString(message)}, output: ${execOutputDebug(exitCode, text)} }`;
}
