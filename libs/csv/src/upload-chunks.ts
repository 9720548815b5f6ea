/** Default slice of an upload handed to the CSV parser at a time. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

/**
 * An upload held in memory as a stream of slices, yielding to the event loop between them, so parsing a
 * large file does not hold up the service's other requests.
 */
export async function* yieldingChunks(content: Buffer, size = UPLOAD_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < content.length; offset += size) {
    if (offset > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    yield content.subarray(offset, offset + size);
  }
}
