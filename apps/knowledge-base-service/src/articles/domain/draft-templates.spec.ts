import { articleTitle, incidentDraftBody, knownErrorDraftBody } from './draft-templates';

describe('draft templates', () => {
  it('an incident draft: description as symptoms, resolution notes as the fix (Japanese headings)', () => {
    const body = incidentDraftBody(
      {
        shortDescription: 'VPN 繋がらない',
        description: '自宅から接続すると認証エラー 🔐',
        resolutionNotes: '証明書を再発行した',
      },
      'ja',
    );
    expect(body).toBe('## 症状\n\n自宅から接続すると認証エラー 🔐\n\n## 解決方法\n\n証明書を再発行した\n');
  });

  it('an incident without a description falls back to its short description', () => {
    expect(
      incidentDraftBody({ shortDescription: 'Printer offline', description: '  ', resolutionNotes: 'Power-cycled' }, 'en'),
    ).toBe('## Symptoms\n\nPrinter offline\n\n## Resolution\n\nPower-cycled\n');
  });

  it('a known-error draft carries cause and workaround, marking what is missing', () => {
    expect(
      knownErrorDraftBody({ title: 'Outlook crashes on start', rootCause: null, workaround: 'Start in safe mode' }, 'en'),
    ).toBe('## Symptoms\n\nOutlook crashes on start\n\n## Cause\n\n(not recorded)\n\n## Workaround\n\nStart in safe mode\n');
  });

  it('titles are cut to 200 characters without splitting an emoji', () => {
    const long = '🔐'.repeat(250);
    const title = articleTitle(long);
    expect([...title]).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
    expect(articleTitle('  short  ')).toBe('short');
  });
});
