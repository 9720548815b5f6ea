import { HELP_DESK_SYNONYMS } from './synonyms/help-desk-synonyms';
import { loadTextAnalyzer, TextAnalyzer } from './text-analyzer';

describe('TextAnalyzer', () => {
  let analyzer: TextAnalyzer;

  beforeAll(async () => {
    analyzer = await loadTextAnalyzer();
  }, 30_000);

  it('is one shared instance per process', async () => {
    expect(await loadTextAnalyzer()).toBe(analyzer);
  });

  describe('Japanese', () => {
    it('segments text without spaces into content words, dropping particles and auxiliaries', () => {
      expect(analyzer.analyze('画面が映らない')).toEqual(['display', 'うつる']);
      expect(analyzer.analyze('ディスク容量が不足しています')).toEqual(['disk', 'space', '不足']);
    });

    it('gives verbs one form whether written in kanji or kana, inflected or not', () => {
      expect(analyzer.analyze('繋がらない')).toEqual(analyzer.analyze('つながる'));
      expect(analyzer.analyze('映りません')).toEqual(analyzer.analyze('映る'));
      expect(analyzer.analyze('パソコンが立ち上がらない')).toEqual(['pc', 'boot']);
    });

    it('reads hiragana loanwords as katakana and spelling variants of katakana words alike', () => {
      expect(analyzer.analyze('ぱすわーど忘れた')).toEqual(['password', 'forget']);
      expect(analyzer.analyze('フォルダー')).toEqual(analyzer.analyze('フォルダ'));
      expect(analyzer.analyze('サーバー')).toEqual(analyzer.analyze('サーバ'));
    });

    it('splits unknown katakana compounds at a known word', () => {
      expect(analyzer.analyze('フィッシングメールを受け取った')).toEqual(['phishing', 'email', 'receive']);
    });

    it('keeps a prefix with its noun', () => {
      expect(analyzer.analyze('再起動')).toEqual(['restart']);
      expect(analyzer.analyze('起動')).toEqual(['boot']);
    });
  });

  describe('English', () => {
    it('drops stop words and stems the rest', () => {
      expect(analyzer.analyze('The printers are not printing documents')).toEqual(['printer', 'print', 'document']);
      expect(analyzer.analyze("My user's profile can't be loaded")).toEqual(['user', 'profil', 'load']);
    });

    it('maps synonyms and phrases to one term', () => {
      expect(analyzer.analyze('laptop')).toEqual(['pc']);
      expect(analyzer.analyze('Computer')).toEqual(['pc']);
      expect(analyzer.analyze('Wi-Fi')).toEqual(['wifi']);
      expect(analyzer.analyze('wireless')).toEqual(['wifi']);
      expect(analyzer.analyze('I cannot sign in')).toEqual(['login']);
      expect(analyzer.analyze('logging on')).toEqual(['login']);
    });

    it('keeps words with digits whole', () => {
      expect(analyzer.analyze('Error 0x80070005 on Windows 11')).toEqual(['error', '0x80070005', 'window', '11']);
    });
  });

  it('handles mixed-language text, in the same terms as either language alone', () => {
    expect(analyzer.analyze('VPN 繋がらない')).toEqual(['vpn', 'connect']);
    expect(analyzer.analyze('VPNに接続できない')).toEqual(['vpn', 'connect']);
    expect(analyzer.analyze('VPN connection fails')).toEqual(['vpn', 'connect', 'fail']);
    expect(analyzer.analyze('Outlookでメールが送れない')).toEqual(['outlook', 'email', 'send']);
  });

  it('folds full-width characters (NFKC) before analysis', () => {
    expect(analyzer.analyze('ＶＰＮ　Ｏｕｔｌｏｏｋ')).toEqual(analyzer.analyze('VPN Outlook'));
    expect(analyzer.analyze('ﾊﾟｽﾜｰﾄﾞ')).toEqual(['password']);
  });

  it('survives emoji, symbols and empty input', () => {
    expect(analyzer.analyze('')).toEqual([]);
    expect(analyzer.analyze('🙏🙏 👨‍👩‍👧 ✨')).toEqual([]);
    expect(analyzer.analyze('PCが😭動かない🔥')).toEqual(['pc', 'うごく']);
    expect(analyzer.analyze('\u0000\uFFFD\uD800 ok')).toEqual(['ok']);
  });

  it('reports where each term came from in the original text', () => {
    const text = 'ＶＰＮに繋がらない😀 Wi-Fi';
    const spans = analyzer.tokens(text).map((t) => [t.term, text.slice(t.start, t.end)]);
    expect(spans).toEqual([
      ['vpn', 'ＶＰＮ'],
      ['connect', '繋がら'],
      ['wifi', 'Wi-Fi'],
    ]);
  });

  it('turns every synonym variant into its canonical term(s), and no variant belongs to two groups', () => {
    const owner = new Map<string, string>();
    for (const group of HELP_DESK_SYNONYMS) {
      const to = typeof group.to === 'string' ? [group.to] : [...group.to];
      for (const variant of group.from) {
        expect({ variant, terms: analyzer.analyze(variant) }).toEqual({ variant, terms: to });
        const key = variant.normalize('NFKC').toLowerCase();
        expect({ variant, group: owner.get(key) ?? to.join(' ') }).toEqual({ variant, group: to.join(' ') });
        owner.set(key, to.join(' '));
      }
    }
  });
});
