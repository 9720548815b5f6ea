import { loadTextAnalyzer, TextAnalyzer } from '@helpdesk/text-analysis';
import { buildSearchDocument, quoteLexeme } from './search-document';

describe('buildSearchDocument', () => {
  let analyzer: TextAnalyzer;
  beforeAll(async () => {
    analyzer = await loadTextAnalyzer();
  }, 30_000);

  it('weighs title terms A, tag terms B and body terms C, at increasing positions', () => {
    const doc = buildSearchDocument(analyzer, {
      title: 'VPN に接続できない',
      tags: ['GlobalProtect'],
      body: 'VPN クライアントを**再起動**します。',
    });
    expect(doc.tsvector).toBe("'vpn':1A,9C 'connect':2A 'globalprotect':5B 'クライアント':10C 'restart':11C");
    expect(doc.distinctTerms).toEqual(['vpn', 'connect', 'globalprotect', 'クライアント', 'restart']);
    expect(doc.segments).toEqual([{ text: 'VPN クライアントを再起動します。', terms: ['vpn', 'クライアント', 'restart'] }]);
  });

  it('caps positions per term and positions overall at what PostgreSQL accepts', () => {
    const doc = buildSearchDocument(analyzer, { title: 't', tags: [], body: 'vpn '.repeat(20_000) });
    const positions = doc.tsvector.split(':')[1].split(',');
    expect(positions.length).toBeLessThanOrEqual(256);
    const many = buildSearchDocument(analyzer, {
      title: 't',
      tags: [],
      body: Array.from({ length: 17_000 }, (_, i) => `w${i}`).join(' '),
    });
    const all = [...many.tsvector.matchAll(/[:,](\d+)[ABC]/g)].map((m) => Number(m[1]));
    expect(Math.max(...all)).toBe(16383);
  });

  it('handles an empty article', () => {
    expect(buildSearchDocument(analyzer, { title: '', tags: [], body: '' })).toEqual({
      tsvector: '',
      headTsvector: '',
      distinctTerms: [],
      segments: [],
    });
  });

  it('quotes lexemes for tsvector and tsquery input', () => {
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });
});
