import { loadTextAnalyzer, TextAnalyzer } from '@helpdesk/text-analysis';
import { QueryGroup } from './query-plan';
import { chooseSnippetText, escapeHtml, highlight, snippetHtml } from './snippet';

const group = (term: string, idf = 1): QueryGroup => ({
  term,
  lexemes: [term],
  prefixes: [],
  documentCount: 1,
  idf,
  corrected: false,
});

describe('chooseSnippetText', () => {
  const segments = [
    { text: 'Intro about the office network and how things are set up for everyone here.', terms: ['intro', 'offic', 'network'] },
    {
      text: 'Reconnect the VPN client: disconnect, wait ten seconds and connect again.',
      terms: ['reconnect', 'vpn', 'client', 'connect'],
    },
    { text: 'Printers are on every floor.', terms: ['printer', 'floor'] },
    { text: 'The end.', terms: ['end'] },
  ];

  it('takes the segment holding most of the query weight, and the next while short', () => {
    const chosen = chooseSnippetText(segments, [group('vpn', 3), group('connect')]);
    expect(chosen!.text.startsWith('Reconnect the VPN client')).toBe(true);
    expect(chosen!.text).toContain('Printers are on every floor.');
    expect(chosen).toEqual(expect.objectContaining({ leading: true, trailing: true }));
  });

  it('falls back to the opening when no segment matches (a title-only match)', () => {
    const chosen = chooseSnippetText(segments, [group('bsod')]);
    expect(chosen!.text.startsWith('Intro')).toBe(true);
    expect(chosen!.leading).toBe(false);
  });

  it('is null for an article without body text', () => {
    expect(chooseSnippetText([], [group('vpn')])).toBeNull();
  });
});

describe('highlight', () => {
  it('marks matched tokens, merges neighbours and escapes everything else', () => {
    const text = 'a <b> & "c" VPN connect x';
    const tokens = [
      { term: 'vpn', start: 12, end: 15 },
      { term: 'connect', start: 16, end: 23 },
      { term: 'x', start: 24, end: 25 },
    ];
    expect(highlight(text, tokens, (t) => t !== 'x')).toBe('a &lt;b&gt; &amp; &quot;c&quot; <mark>VPN connect</mark> x');
  });

  it('never lets markup through, even inside a match', () => {
    const text = '<script>alert(1)</script>';
    expect(highlight(text, [{ term: 'script', start: 1, end: 7 }], () => true)).toBe(
      '&lt;<mark>script</mark>&gt;alert(1)&lt;/script&gt;',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('adds ellipses where the body goes on', () => {
    expect(snippetHtml({ text: 't', leading: true, trailing: true }, 't')).toBe('… t …');
    expect(snippetHtml({ text: 't', leading: false, trailing: false }, 't')).toBe('t');
  });

  describe('with the real analyser', () => {
    let analyzer: TextAnalyzer;
    beforeAll(async () => {
      analyzer = await loadTextAnalyzer();
    }, 30_000);

    it('highlights Japanese words inside text without spaces, in their written form', () => {
      const text = '自宅からVPNに繋がらないときは、VPNクライアントを再起動します。';
      const html = highlight(text, analyzer.tokens(text), (t) => t === 'vpn' || t === 'connect');
      expect(html).toBe('自宅から<mark>VPN</mark>に<mark>繋がら</mark>ないときは、<mark>VPN</mark>クライアントを再起動します。');
    });

    it('highlights full-width and synonym spellings of the query terms', () => {
      const text = 'ＶＰＮ and Wi-Fi on the laptop';
      const html = highlight(text, analyzer.tokens(text), (t) => ['vpn', 'wifi', 'pc'].includes(t));
      expect(html).toBe('<mark>ＶＰＮ</mark> and <mark>Wi-Fi</mark> on the <mark>laptop</mark>');
    });
  });
});
