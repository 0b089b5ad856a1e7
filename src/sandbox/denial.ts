/**
 * Output the reference takes as the sandbox's doing (codex-rs/core/src/exec.rs,
 * `is_likely_sandbox_denied`). Broad on purpose: a wrong guess costs one approval prompt, a
 * missed one leaves the model stuck on a failure it cannot fix.
 */
const DENIAL_PHRASES = [
  'operation not permitted',
  'permission denied',
  'read-only file system',
  'seccomp',
  'sandbox',
  'landlock',
  'failed to write file',
];

/**
 * What a blocked network looks like from inside an empty network namespace (Weft's addition: the
 * reference leaves these to the model, but its own instructions call them sandbox failures).
 */
const NETWORK_PHRASES = [
  'network is unreachable',
  'temporary failure in name resolution',
  'could not resolve host',
  'eai_again',
];

/**
 * Whether a sandboxed command's failure was probably caused by the sandbox, so running it again
 * outside (with approval) could succeed. `output` is stdout and stderr, in any order.
 */
export function looksLikeSandboxDenial(exitCode: number, output: string, opts: { networkBlocked: boolean }): boolean {
  if (exitCode === 0) return false;
  const text = output.toLowerCase();
  const phrases = opts.networkBlocked ? [...DENIAL_PHRASES, ...NETWORK_PHRASES] : DENIAL_PHRASES;
  // Without a telling message the reference says no too, whatever the code (its only exception,
  // a seccomp kill, cannot happen here: Weft's sandbox installs no seccomp filter).
  return phrases.some((p) => text.includes(p));
}
