/** Rust's `io::Error` texts for the OS errors file operations meet. */
const OS_ERRORS: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  EACCES: [13, 'Permission denied'],
  EEXIST: [17, 'File exists'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** A Node filesystem error as the reference displays the same `io::Error`: `No such file or directory (os error 2)`. */
export function osErrorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known = err.code ? OS_ERRORS[err.code] : undefined;
  if (known) return `${known[1]} (os error ${known[0]})`;
  return err.errno === undefined ? String(err.message) : `${err.code} (os error ${Math.abs(err.errno)})`;
}
