/** Types we accept, by extension → the content type we serve them with (never the uploader's word). */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  eml: 'message/rfc822',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const SIGNATURES: Record<string, number[][]> = {
  png: [[0x89, 0x50, 0x4e, 0x47]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  zip: [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  xlsx: [[0x50, 0x4b, 0x03, 0x04]],
  pptx: [[0x50, 0x4b, 0x03, 0x04]],
};

export interface AttachmentCheck {
  ok: boolean;
  reason?: string;
  contentType?: string;
  fileName?: string;
}

/** A safe file name (no path, no control characters) and a type whose bytes look like what the name says. */
export function checkAttachment(originalName: string, content: Buffer, maxBytes: number): AttachmentCheck {
  const fileName = originalName
    .replace(/^.*[\\/]/, '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  if (!fileName || fileName === '.' || fileName === '..') return { ok: false, reason: 'has no usable file name' };
  if (content.length === 0) return { ok: false, reason: 'is empty' };
  if (content.length > maxBytes) return { ok: false, reason: `is larger than ${maxBytes} bytes` };
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  const contentType = ATTACHMENT_TYPES[ext];
  if (!contentType) {
    return { ok: false, reason: `type .${ext || '(none)'} is not accepted; use ${Object.keys(ATTACHMENT_TYPES).join(', ')}` };
  }
  const signatures = SIGNATURES[ext];
  if (signatures && !signatures.some((sig) => sig.every((b, i) => content[i] === b))) {
    return { ok: false, reason: `content is not a .${ext} file` };
  }
  if (contentType.startsWith('text/') && content.includes(0)) return { ok: false, reason: 'text file contains NUL bytes' };
  return { ok: true, contentType, fileName };
}
