import { preferredLanguage } from './preferred-language';

describe('preferredLanguage', () => {
  it('is Japanese when any Japanese is typed, mixed text included', () => {
    expect(preferredLanguage('VPN 繋がらない', 'en')).toBe('ja');
    expect(preferredLanguage('ぱすわーど', 'en')).toBe('ja');
  });

  it('is English for Latin letters only', () => {
    expect(preferredLanguage('outlook not sending', 'ja')).toBe('en');
  });

  it('falls back to the locale when the text tells nothing', () => {
    expect(preferredLanguage('0x80070005', 'ja-JP')).toBe('ja');
    expect(preferredLanguage('🙏', 'en')).toBe('en');
    expect(preferredLanguage('123', undefined)).toBe('en');
  });
});
