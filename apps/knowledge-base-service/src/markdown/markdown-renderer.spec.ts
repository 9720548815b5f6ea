import { findUnsafeLinks, renderArticleMarkdown } from './markdown-renderer';
import { isSafeUrl } from './safe-url';

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'img',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'title',
  'rel',
  'target',
  'src',
  'alt',
  'loading',
  'referrerpolicy',
  'class',
  'start',
  'style',
]);

/**
 * No executable HTML may come out. Every tag is read attribute by attribute (markdown-it always quotes
 * with `"` and escapes `"` inside), so an `onerror=` inside a quoted, escaped value is text, not an attribute.
 */
function expectInert(html: string): void {
  for (const [, closing, name, rest] of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS).toContain(name.toLowerCase());
    if (closing) continue;
    const attributes = [...rest.matchAll(/\s([^\s="]+)(?:="([^"]*)")?/g)];
    expect(rest.replace(/\s([^\s="]+)(?:="([^"]*)")?/g, '').trim()).toBe('');
    for (const [, attribute, value = ''] of attributes) {
      expect(ALLOWED_ATTRIBUTES).toContain(attribute.toLowerCase());
      if (attribute === 'style') expect(name).toMatch(/^(th|td)$/); // table alignment only
      if (attribute === 'href' || attribute === 'src') expect(value.trim()).not.toMatch(/^(javascript|vbscript|data|file):/i);
    }
  }
}

describe('renderArticleMarkdown', () => {
  it('(the inertness check itself refuses executable HTML)', () => {
    expect(() => expectInert('<img src="x" onerror="alert(1)">')).toThrow();
    expect(() => expectInert('<a href=" javascript:alert(1)">x</a>')).toThrow();
    expect(() => expectInert('<script>alert(1)</script>')).toThrow();
    expect(() => expectInert('<img src=x onerror=alert(1)>')).toThrow();
  });

  it('renders ordinary Markdown, Japanese and emoji included', () => {
    const html = renderArticleMarkdown(
      '## 手順 🔐\n\n1. **Wi-Fi** をオフにする\n2. `ipconfig /release` を実行\n\n[社内ポータル](https://portal.example.com/vpn)',
    );
    expect(html).toContain('<h2>手順 🔐</h2>');
    expect(html).toContain('<strong>Wi-Fi</strong>');
    expect(html).toContain('<code>ipconfig /release</code>');
    expect(html).toContain(
      '<a href="https://portal.example.com/vpn" rel="noopener noreferrer nofollow" target="_blank">社内ポータル</a>',
    );
  });

  it('keeps line breaks inside a paragraph (Japanese has no spaces to wrap at)', () => {
    expect(renderArticleMarkdown('一行目\n二行目')).toBe('<p>一行目<br>\n二行目</p>\n');
  });

  it('relative links stay in the app and are not opened in a new window', () => {
    expect(renderArticleMarkdown('[VPN](/kb/articles/KB0000001)')).toBe('<p><a href="/kb/articles/KB0000001">VPN</a></p>\n');
    expect(renderArticleMarkdown('[手順](#steps)')).toContain('<a href="#steps">');
  });

  it.each([
    ['script element', '<script>alert(1)</script>'],
    ['script split over lines', '<scr\nipt>alert(1)</script>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['inline html in a paragraph', 'hello <b onmouseover="alert(1)">world</b>'],
    ['html block with style', '<style>body{display:none}</style>'],
    ['javascript link', '[click](javascript:alert(1))'],
    ['javascript link in capitals', '[click](JaVaScRiPt:alert(1))'],
    ['javascript link behind an entity', '[click](&#106;avascript:alert(1))'],
    ['javascript link behind a hex entity', '[click](&#x6A;avascript&#x3A;alert(1))'],
    ['javascript link with a tab', '[click](java\tscript:alert(1))'],
    ['javascript link with leading space', '[click]( javascript:alert(1))'],
    ['javascript autolink', '<javascript:alert(1)>'],
    ['vbscript link', '[click](vbscript:msgbox(1))'],
    ['data: html link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data: image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
    ['data: svg image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['javascript image', '![x](javascript:alert(1))'],
    ['file link', '[x](file:///etc/passwd)'],
    ['reference-style javascript link', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['attribute breaking quote in a link', '[x](https://example.com/"onmouseover="alert(1))'],
    ['attribute breaking title', '[x](https://example.com "a\\" onmouseover=\\"alert(1)")'],
    ['code fence info string', '```"><script>alert(1)</script>\ncode\n```'],
    ['link text with html', '[<img src=x onerror=alert(1)>](https://example.com)'],
  ])('neutralises %s', (_name, markdown) => {
    expectInert(renderArticleMarkdown(markdown));
  });

  it('shows raw HTML as text rather than dropping what the author wrote', () => {
    expect(renderArticleMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('leaves a refused link or image as its text', () => {
    expect(renderArticleMarkdown('[click](javascript:alert(1))')).toBe('<p>[click](javascript:alert(1))</p>\n');
    expect(renderArticleMarkdown('![screenshot](mailto:a@example.com)')).toBe('<p>screenshot</p>\n');
  });

  it('web images load lazily and without a referrer', () => {
    expect(renderArticleMarkdown('![VPN 設定](https://intra.example.com/vpn.png)')).toBe(
      '<p><img src="https://intra.example.com/vpn.png" alt="VPN 設定" loading="lazy" referrerpolicy="no-referrer"></p>\n',
    );
  });

  it('linkifies plain web addresses but never script URLs', () => {
    expect(renderArticleMarkdown('see https://status.example.com')).toContain('<a href="https://status.example.com"');
    expectInert(renderArticleMarkdown('see javascript:alert(1)'));
  });
});

describe('findUnsafeLinks', () => {
  it('names every link and image the renderer would refuse', () => {
    const markdown = [
      '[ok](https://example.com) [mail](mailto:it@example.com) [rel](/kb/articles/KB0000001)',
      '[bad](javascript:alert(1)) ![img](data:image/png;base64,AAAA) ![mail](mailto:x@example.com)',
      '<vbscript:msgbox(1)>',
    ].join('\n');
    expect(findUnsafeLinks(markdown)).toEqual([
      { url: 'javascript:alert(1)', kind: 'link' },
      { url: 'data:image/png;base64,AAAA', kind: 'image' },
      { url: 'mailto:x@example.com', kind: 'image' },
      { url: 'vbscript:msgbox(1)', kind: 'link' },
    ]);
  });

  it('finds nothing in a clean article', () => {
    expect(findUnsafeLinks('# VPN\n\n1. 手順 [ポータル](https://portal.example.com)')).toEqual([]);
  });
});

describe('isSafeUrl', () => {
  it.each([
    ['https://example.com', 'link', true],
    ['HTTP://example.com', 'link', true],
    ['mailto:it@example.com', 'link', true],
    ['/kb/articles/KB0000001', 'link', true],
    ['../images/a.png', 'image', true],
    ['#steps', 'link', true],
    ['/search?q=a:b', 'link', true],
    ['mailto:it@example.com', 'image', false],
    ['javascript:alert(1)', 'link', false],
    [' \tjava\nscript:alert(1)', 'link', false],
    ['data:image/png;base64,AAAA', 'image', false],
    ['ftp://example.com', 'link', false],
    [':alert(1)', 'link', false],
  ] as const)('%s as a %s → %s', (url, kind, safe) => {
    expect(isSafeUrl(url, kind)).toBe(safe);
  });
});
