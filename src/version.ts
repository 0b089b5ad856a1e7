/**
 * The codex-cli version whose protocol Weft speaks. Clients read it from `userAgent` and thread
 * `cliVersion`, and some gate features on it, so we report the reference's number, not our own.
 */
export const PROTOCOL_CLI_VERSION = '0.113.0';

/** Weft's own version, for `--version` and logs. */
export const WEFT_VERSION = '0.1.0';
