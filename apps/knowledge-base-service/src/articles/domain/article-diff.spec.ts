import { applyPatch } from 'diff';
import { articleDocument, diffArticle } from './article-diff';

describe('diffArticle', () => {
  const v1 = { title: 'VPN に接続できない', body: '## 手順\n\n1. 再起動する\n2. 再接続する\n' };

  it('the first version is all additions against an empty document', () => {
    const d = diffArticle('KB0000001', null, v1, 0, 1);
    expect(d.linesRemoved).toBe(0);
    expect(d.linesAdded).toBe(6);
    expect(d.patch).toContain('--- KB0000001.md\tempty');
    expect(d.patch).toContain('+++ KB0000001.md\tv1');
    expect(applyPatch('', d.patch)).toBe(articleDocument(v1));
  });

  it('an edit shows only what changed, Japanese and emoji intact, and applies back', () => {
    const v2 = { title: v1.title, body: '## 手順\n\n1. 再起動する 🔁\n2. 再接続する\n' };
    const d = diffArticle('KB0000001', v1, v2, 1, 2);
    expect(d).toMatchObject({ linesAdded: 1, linesRemoved: 1 });
    expect(d.patch).toContain('-1. 再起動する\n+1. 再起動する 🔁\n');
    expect(applyPatch(articleDocument(v1), d.patch)).toBe(articleDocument(v2));
  });

  it('a title change is part of the diff (the title is the first line)', () => {
    const d = diffArticle('KB0000001', v1, { ...v1, title: 'VPN に繋がらないとき' }, 1, 2);
    expect(d.patch).toContain('-# VPN に接続できない\n+# VPN に繋がらないとき\n');
  });

  it('no change in title or body gives an empty diff (a state or metadata change)', () => {
    expect(diffArticle('KB0000001', v1, { ...v1 }, 2, 3)).toEqual({ patch: '', linesAdded: 0, linesRemoved: 0 });
  });

  it('a missing final newline is not a change', () => {
    expect(diffArticle('KB0000001', v1, { ...v1, body: v1.body.trimEnd() }, 1, 2).patch).toBe('');
  });
});
