import { csvDownload } from './csv-response';

describe('report CSV', () => {
  it('is a UTF-8 download with BOM, CRLF records and RFC 4180 quoting', async () => {
    const file = csvDownload(
      'demo',
      [
        { header: 'name', value: (r: { name: string; n: number | null }) => r.name },
        { header: 'n', value: (r) => r.n },
      ],
      [
        { name: '山田 花子 🌸', n: 2 },
        { name: 'Doe, "J"', n: null },
      ],
      '2025-04-01',
    );
    expect(file.getHeaders()).toMatchObject({
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="demo-2025-04-01.csv"',
    });
    const chunks: Buffer[] = [];
    for await (const chunk of file.getStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('\uFEFFname,n\r\n山田 花子 🌸,2\r\n"Doe, ""J""",\r\n');
  });
});
