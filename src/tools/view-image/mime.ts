/**
 * The MIME type the reference guesses from a file's extension (case-insensitive), used only to
 * word why a file cannot be attached. Recorded from codex-cli 0.113.0 for common extensions;
 * an extension not listed reads as unknown.
 */
const BY_EXTENSION: Record<string, string> = {
  // images
  png: 'image/png', apng: 'image/apng', jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', jfif: 'image/jpeg',
  gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp', dib: 'image/bmp', ico: 'image/x-icon', tif: 'image/tiff',
  tiff: 'image/tiff', heic: 'image/heic', heif: 'image/heif', avif: 'image/avif', jxl: 'image/jxl', jp2: 'image/jp2',
  svg: 'image/svg+xml', svgz: 'image/svg+xml', tga: 'image/x-tga', pbm: 'image/x-portable-bitmap',
  pgm: 'image/x-portable-graymap', ppm: 'image/x-portable-pixmap', pnm: 'image/x-portable-anymap',
  hdr: 'image/vnd.radiance', ktx: 'image/ktx', raw: 'image/x-panasonic-rw', cr2: 'image/x-canon-cr2',
  nef: 'image/x-nikon-nef', dng: 'image/x-adobe-dng',
  // text and code
  txt: 'text/plain', log: 'text/plain', ini: 'text/plain', cfg: 'text/plain', conf: 'text/plain', py: 'text/plain',
  c: 'text/plain', h: 'text/plain', cc: 'text/plain', cpp: 'text/plain', hpp: 'text/plain', md: 'text/markdown',
  markdown: 'text/markdown', html: 'text/html', htm: 'text/html', css: 'text/css', csv: 'text/csv',
  tsv: 'text/tab-separated-values', xml: 'text/xml', yaml: 'text/x-yaml', yml: 'text/x-yaml', toml: 'text/x-toml',
  rs: 'text/x-rust', js: 'text/javascript', jsx: 'text/javascript', mjs: 'application/javascript',
  json: 'application/json', sh: 'application/x-sh', sql: 'application/x-sql', ts: 'video/vnd.dlna.mpeg-tts',
  java: 'application/octet-stream',
  // documents and archives
  pdf: 'application/pdf', eps: 'application/postscript', ai: 'application/postscript', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', zip: 'application/zip',
  gz: 'application/gzip', tgz: 'application/x-compressed', tar: 'application/x-tar', bz2: 'application/x-bzip2',
  xz: 'application/x-xz', '7z': 'application/x-7z-compressed', rar: 'application/x-rar-compressed',
  // media and fonts
  mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', flac: 'audio/flac', mp4: 'video/mp4', mov: 'video/quicktime',
  avi: 'video/x-msvideo', webm: 'video/webm', mkv: 'video/x-matroska', woff: 'application/font-woff', woff2: 'font/woff2',
  ttf: 'font/ttf', otf: 'application/font-sfnt', eot: 'application/vnd.ms-fontobject',
  // binaries
  exe: 'application/octet-stream', so: 'application/octet-stream', bin: 'application/octet-stream',
  dat: 'application/octet-stream', psd: 'application/octet-stream', cur: 'application/octet-stream',
  pcx: 'application/octet-stream', dll: 'application/x-msdownload', wasm: 'application/wasm',
  emf: 'application/x-msmetafile', wmf: 'application/x-msmetafile',
};

export function mimeFromExtension(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
}
