import { porterStem } from './porter-stemmer';

describe('porterStem', () => {
  // Outputs of the reference implementation (tartarus.org/martin/PorterStemmer, voc.txt → output.txt).
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['generalization', 'gener'],
    ['oscillators', 'oscil'],
    ['hopefulness', 'hope'],
    ['goodness', 'good'],
    ['adjustment', 'adjust'],
    ['replacement', 'replac'],
    ['adoption', 'adopt'],
    ['effective', 'effect'],
    ['controlling', 'control'],
    ['connected', 'connect'],
    ['connecting', 'connect'],
    ['connection', 'connect'],
    ['connections', 'connect'],
    ['printing', 'print'],
    ['printers', 'printer'],
    ['passwords', 'password'],
  ])('%s → %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('leaves short words, digits and non-ASCII as they are', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('win11')).toBe('win11');
    expect(porterStem('café')).toBe('café');
  });
});
