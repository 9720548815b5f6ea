import { checkAttachment } from './attachment-policy';

describe('checkAttachment', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);

  it('accepts a real PNG and serves it as image/png', () => {
    expect(checkAttachment('screen.PNG', png, 100)).toEqual({ ok: true, contentType: 'image/png', fileName: 'screen.PNG' });
  });

  it('strips paths and control characters from names, keeps Japanese', () => {
    expect(checkAttachment('C:\\temp\\..\\エラー画面\u0000.png', png, 100).fileName).toBe('エラー画面.png');
  });

  it('refuses HTML, executables, disguised files, empty and oversized ones', () => {
    expect(checkAttachment('x.html', Buffer.from('<script>'), 100).ok).toBe(false);
    expect(checkAttachment('x.exe', Buffer.from('MZ'), 100).ok).toBe(false);
    expect(checkAttachment('x.png', Buffer.from('<svg onload=alert(1)>'), 100).reason).toContain('not a .png');
    expect(checkAttachment('x.txt', Buffer.alloc(0), 100).reason).toBe('is empty');
    expect(checkAttachment('x.txt', Buffer.alloc(101, 65), 100).reason).toContain('larger');
    expect(checkAttachment('../', png, 100).ok).toBe(false);
  });
});
