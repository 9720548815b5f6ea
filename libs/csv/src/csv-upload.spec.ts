import { cleanFileName, CsvUploadError, CsvUploadRequest, readCsvUpload } from './csv-upload';

/** A request with the given content type and body chunks (what Express's Request offers the reader). */
function request(contentType: string | null, chunks: string[] = [], headers: Record<string, string> = {}): CsvUploadRequest {
  const types = contentType ? [contentType] : [];
  return {
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    is: (wanted: string | string[]) => {
      const list = Array.isArray(wanted) ? wanted : [wanted];
      return types.find((t) => list.includes(t)) ?? false;
    },
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<CsvUploadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvUploadError);
  return error as CsvUploadError;
}

describe('readCsvUpload', () => {
  it('takes a multipart file with its own (cleaned) name', async () => {
    const buffer = Buffer.from('a,b\n1,2\n');
    const upload = await readCsvUpload(
      request('multipart/form-data'),
      { originalname: ' 資産\u0000一覧 📦.csv ', buffer, size: buffer.length },
      { maxBytes: 100, fileName: 'ignored.csv' },
    );
    expect(upload.fileName).toBe('資産一覧 📦.csv');
    expect(upload.content.equals(buffer)).toBe(true);
    expect(upload.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a text/csv body, named by the option or upload.csv', async () => {
    const upload = await readCsvUpload(request('text/csv', ['a,b\n', '日本,🎉\n']), undefined, { maxBytes: 100 });
    expect(upload.fileName).toBe('upload.csv');
    expect(upload.content.toString('utf8')).toBe('a,b\n日本,🎉\n');
    const named = await readCsvUpload(request('application/csv', ['x']), undefined, { maxBytes: 100, fileName: 'x.csv' });
    expect(named.fileName).toBe('x.csv');
  });

  it('refuses what is larger than maxBytes: a file, a declared length, or a body that passes it', async () => {
    const buffer = Buffer.alloc(11);
    const file = await refusal(
      readCsvUpload(request('multipart/form-data'), { originalname: 'a.csv', buffer, size: 11 }, { maxBytes: 10 }),
    );
    expect(file).toMatchObject({ code: 'too_large', reason: 'is larger than 10 bytes', maxBytes: 10 });
    const declared = await refusal(
      readCsvUpload(request('text/csv', [], { 'content-length': '11' }), undefined, { maxBytes: 10 }),
    );
    expect(declared.code).toBe('too_large');
    const streamed = await refusal(readCsvUpload(request('text/csv', ['12345', '67890', 'x']), undefined, { maxBytes: 10 }));
    expect(streamed.code).toBe('too_large');
    const exact = await readCsvUpload(request('text/csv', ['12345', '67890']), undefined, { maxBytes: 10 });
    expect(exact.content.length).toBe(10);
  });

  it('refuses a multipart request without the file, and other content types', async () => {
    expect(await refusal(readCsvUpload(request('multipart/form-data'), undefined, { maxBytes: 10 }))).toMatchObject({
      code: 'no_file',
      reason: 'is required: send the CSV as the multipart field `file`',
    });
    for (const type of ['application/json', null]) {
      expect((await refusal(readCsvUpload(request(type, ['{}']), undefined, { maxBytes: 10 }))).code).toBe('no_file');
    }
  });
});

describe('cleanFileName', () => {
  it('keeps one line of at most 255 code points, else upload.csv', () => {
    expect(cleanFileName(undefined)).toBe('upload.csv');
    expect(cleanFileName(' \r\n ')).toBe('upload.csv');
    expect(cleanFileName('a\nb.csv')).toBe('ab.csv');
    const long = cleanFileName('🎉'.repeat(300));
    expect([...long]).toHaveLength(255);
  });
});
