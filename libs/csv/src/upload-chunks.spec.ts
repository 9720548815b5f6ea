import { yieldingChunks } from './upload-chunks';

describe('yieldingChunks', () => {
  it('slices a buffer into chunks of the given size, in order', async () => {
    const content = Buffer.from('0123456789');
    const chunks: string[] = [];
    for await (const chunk of yieldingChunks(content, 4)) chunks.push(Buffer.from(chunk).toString());
    expect(chunks).toEqual(['0123', '4567', '89']);
  });

  it('yields nothing for an empty buffer', async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of yieldingChunks(Buffer.alloc(0))) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });
});
