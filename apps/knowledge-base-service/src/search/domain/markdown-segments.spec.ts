import { MAX_SEGMENT_LENGTH, markdownSegments } from './markdown-segments';

describe('markdownSegments', () => {
  it('keeps what a reader sees and drops Markdown syntax', () => {
    const segments = markdownSegments(
      '# VPN に接続できないとき\n\n1. **GlobalProtect** を開きます\n2. [ポータル](https://vpn.example.co.jp) を確認\n3. `ipconfig /flushdns` を実行\n\n![接続画面](https://x/y.png)',
    );
    const text = segments.join(' ');
    expect(text).toContain('VPN に接続できないとき');
    expect(text).toContain('GlobalProtect を開きます');
    expect(text).toContain('ポータル を確認');
    expect(text).toContain('ipconfig /flushdns');
    expect(text).toContain('接続画面');
    expect(text).not.toMatch(/\*\*|\]\(|https:\/\/vpn|^#|!\[/);
  });

  it('keeps raw HTML as text (it is escaped when shown), as the rendered article does', () => {
    expect(markdownSegments('Hello <script>alert(1)</script> world').join(' ')).toBe('Hello <script>alert(1)</script> world');
  });

  it('joins short blocks and cuts long text at sentence ends, never over the limit', () => {
    const long = 'パソコンを再起動してください。'.repeat(30);
    const segments = markdownSegments(`- a\n- b\n- c\n\n${long}`);
    expect(segments[0].startsWith('a b c パソコン')).toBe(true);
    expect(segments.every((s) => s.length <= MAX_SEGMENT_LENGTH && s.endsWith('。'))).toBe(true);
    expect(segments.join('').replace(/ /g, '')).toBe(`abc${long}`);
  });

  it('cuts text without sentence ends at a space, and never inside an emoji', () => {
    const words = markdownSegments(`${'word '.repeat(60)}`);
    expect(words.every((s) => !s.startsWith(' ') && s.length <= MAX_SEGMENT_LENGTH)).toBe(true);
    const emoji = markdownSegments('😀'.repeat(200));
    expect(emoji.join('')).toBe('😀'.repeat(200));
    expect(emoji.every((s) => !/[\uD800-\uDBFF]$/.test(s))).toBe(true);
  });

  it('gives nothing for an empty body', () => {
    expect(markdownSegments('')).toEqual([]);
    expect(markdownSegments('\n\n   \n')).toEqual([]);
  });
});
