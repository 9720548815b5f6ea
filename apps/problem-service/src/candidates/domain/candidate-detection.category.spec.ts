import { loadTextAnalyzer, TextAnalyzer } from '@helpdesk/text-analysis';
import { detectCandidates } from './candidate-detection';
import { CandidateStream, ids, incidentAt } from './candidate-detection.fixture';
import { CandidateIncident } from './candidate-incident';
import { DEFAULT_CANDIDATE_RULES } from './candidate-rules';
import { OTHER_OUTLOOK, OUTLOOK_CRASH_EN, OUTLOOK_CRASH_JA, OUTLOOK_CRASH_MIXED } from './candidate-text-samples.fixture';

const raiseOnEmail = (incidentIds: string[]) => ({ action: 'raise', key: { kind: 'category', category: 'Email' }, incidentIds });

describe('detectCandidates: same category and similar text', () => {
  let analyzer: TextAnalyzer;
  /** Incidents `<prefix>-1`… in category Email, one per text, an hour apart, on no CI unless overridden. */
  const reported = (prefix: string, texts: readonly string[], overrides: Partial<CandidateIncident> = {}) =>
    texts.map((text, i) =>
      incidentAt(`${prefix}-${i + 1}`, i, { ciId: null, category: 'Email', terms: analyzer.analyze(text), ...overrides }),
    );

  beforeAll(async () => {
    analyzer = await loadTextAnalyzer();
  }, 30_000);

  it('raises 5 English reports of one symptom, not 4', () => {
    const five = reported('en', OUTLOOK_CRASH_EN.slice(0, 5));
    const stream = new CandidateStream();
    expect(stream.deliverAll(five.slice(0, 4))).toEqual([]);
    expect(stream.deliver(five[4])).toEqual([raiseOnEmail(ids(five))]);
  });

  it('raises 5 Japanese reports of one symptom', () => {
    const five = reported('ja', OUTLOOK_CRASH_JA);
    expect(new CandidateStream().deliverAll(five)).toEqual([raiseOnEmail(ids(five))]);
  });

  it('raises mixed Japanese, English and mixed-language reports, whichever language arrives last', () => {
    const texts = [OUTLOOK_CRASH_EN[0], OUTLOOK_CRASH_JA[0], OUTLOOK_CRASH_MIXED[1], OUTLOOK_CRASH_EN[3], OUTLOOK_CRASH_JA[2]];
    const five = reported('mix', texts);
    for (let last = 0; last < five.length; last++) {
      const order = [...five.filter((_, i) => i !== last), five[last]];
      expect(new CandidateStream().deliverAll(order)).toEqual([raiseOnEmail(ids(five))]);
    }
  });

  it('raises nothing for dissimilar texts in one category', () => {
    const texts = [...OTHER_OUTLOOK.slice(0, 4), 'Mailbox is full', '迷惑メールが届く'];
    expect(new CandidateStream().deliverAll(reported('other', texts))).toEqual([]);
  });

  it('counts only the reports like the arriving one among other troubles of the category', () => {
    // Troubles that share only "outlook" with the crash (メール would make "Outlookでメールが送れない" alike: see the similarity spec).
    const noise = reported(
      'noise',
      OTHER_OUTLOOK.filter((text) => !text.includes('メール')),
    );
    const crash = reported('crash', OUTLOOK_CRASH_JA).map((i) => ({ ...i, openedAt: new Date(i.openedAt.getTime() + 1) }));
    expect(new CandidateStream().deliverAll([...noise, ...crash])).toEqual([raiseOnEmail(ids(crash))]);
  });

  it('keeps categories apart, case-sensitively', () => {
    const five = reported('c', OUTLOOK_CRASH_EN.slice(0, 5)).map((i, n) => (n === 2 ? { ...i, category: 'email' } : i));
    expect(new CandidateStream().deliverAll(five)).toEqual([]);
    // Even when a caller's query (say, a case-insensitive collation) passes the other spelling along.
    expect(detectCandidates(five[4], five, [], DEFAULT_CANDIDATE_RULES)).toEqual([]);
    const uncategorised = reported('u', OUTLOOK_CRASH_EN.slice(0, 5), { category: null });
    expect(new CandidateStream().deliverAll(uncategorised)).toEqual([]);
  });

  it('never counts incidents without terms as similar, even to each other', () => {
    const empty = [0, 1, 2, 3, 4].map((h) => incidentAt(`e-${h}`, h, { ciId: null, category: 'Email', terms: [] }));
    expect(new CandidateStream().deliverAll(empty)).toEqual([]);
    const four = reported('t', OUTLOOK_CRASH_EN.slice(0, 4));
    expect(detectCandidates(empty[0], [...four, empty[0]], [], DEFAULT_CANDIDATE_RULES)).toEqual([]);
    expect(detectCandidates(four[3], [...four, empty[0]], [], DEFAULT_CANDIDATE_RULES)).toEqual([]);
  });

  it('adds a similar sixth report to the open candidate, not a dissimilar one of the category', () => {
    const stream = new CandidateStream();
    stream.deliverAll(reported('en', OUTLOOK_CRASH_EN.slice(0, 5)));
    const calendar = incidentAt('calendar', 6, { ciId: null, category: 'Email', terms: analyzer.analyze(OTHER_OUTLOOK[0]) });
    expect(stream.deliver(calendar)).toEqual([]);
    const japanese = incidentAt('ja', 7, { ciId: null, category: 'Email', terms: analyzer.analyze(OUTLOOK_CRASH_JA[1]) });
    expect(stream.deliver(japanese)).toEqual([{ action: 'extend', candidateId: 'cand-1', addIncidentIds: ['ja'] }]);
    expect(stream.deliver(japanese)).toEqual([]);
  });

  it('never brings back a dismissed category candidate; 5 new reports raise a new one', () => {
    const stream = new CandidateStream();
    const first = reported('en', OUTLOOK_CRASH_EN.slice(0, 5));
    stream.deliverAll(first);
    stream.decide('cand-1', 'dismissed');
    expect(stream.deliverAll(first)).toEqual([]);
    const fresh = reported('ja', OUTLOOK_CRASH_JA).map((i) => ({ ...i, openedAt: new Date(i.openedAt.getTime() + 1) }));
    expect(stream.deliverAll(fresh)).toEqual([raiseOnEmail(ids(fresh))]);
  });

  describe('with a CI as well', () => {
    const onCi1 = { ciId: 'ci-1' };
    const raiseOnCi = (incidentIds: string[]) => ({ action: 'raise', key: { kind: 'ci', ciId: 'ci-1' }, incidentIds });

    it('raises only the CI candidate when the category candidate would hold the same incidents', () => {
      const stream = new CandidateStream();
      const five = reported('both', OUTLOOK_CRASH_EN.slice(0, 5), onCi1);
      expect(stream.deliverAll(five)).toEqual([raiseOnCi(ids(five))]);
      expect(stream.deliverAll(five)).toEqual([]);
    });

    it('does not raise the category for a sixth that joins the CI candidate', () => {
      const stream = new CandidateStream();
      stream.deliverAll(reported('both', OUTLOOK_CRASH_EN.slice(0, 5), onCi1));
      const sixth = incidentAt('sixth', 5, { ...onCi1, category: 'Email', terms: analyzer.analyze(OUTLOOK_CRASH_JA[0]) });
      expect(stream.deliver(sixth)).toEqual([{ action: 'extend', candidateId: 'cand-1', addIncidentIds: ['sixth'] }]);
    });

    it('keeps a dismissed CI candidate from coming back as a category candidate', () => {
      const stream = new CandidateStream();
      const five = reported('both', OUTLOOK_CRASH_EN.slice(0, 5), onCi1);
      stream.deliverAll(five);
      stream.decide('cand-1', 'dismissed');
      expect(stream.deliverAll(five)).toEqual([]);
    });

    it('raises the category candidate too when it holds more than the CI one', () => {
      const five = reported('both', OUTLOOK_CRASH_EN.slice(0, 5), onCi1);
      const elsewhere = incidentAt('elsewhere', 5, {
        ciId: 'ci-2',
        category: 'Email',
        terms: analyzer.analyze(OUTLOOK_CRASH_JA[3]),
      });
      const elsewhereLast = new CandidateStream();
      elsewhereLast.deliverAll(five);
      expect(elsewhereLast.deliver(elsewhere)).toEqual([raiseOnEmail([...ids(five), 'elsewhere'])]);
      const elsewhereFirst = new CandidateStream();
      // Here the 4th report already makes 5 by category; the 5th then raises the CI and joins the category.
      expect(elsewhereFirst.deliverAll([elsewhere, ...five])).toEqual([
        raiseOnEmail([...ids(five.slice(0, 4)), 'elsewhere']),
        raiseOnCi(ids(five)),
        { action: 'extend', candidateId: 'cand-1', addIncidentIds: ['both-5'] },
      ]);
      const byKey = (stream: CandidateStream) => stream.summary().sort((a, b) => a.key.localeCompare(b.key));
      expect(byKey(elsewhereFirst)).toEqual(byKey(elsewhereLast));
    });

    it('raises by category when only 4 share the CI', () => {
      const four = reported('ci', OUTLOOK_CRASH_EN.slice(0, 4), onCi1);
      const fifth = incidentAt('fifth', 4, { ciId: 'ci-2', category: 'Email', terms: analyzer.analyze(OUTLOOK_CRASH_JA[0]) });
      expect(new CandidateStream().deliverAll([...four, fifth])).toEqual([raiseOnEmail([...ids(four), 'fifth'])]);
    });
  });

  it('follows the configured threshold: 1 takes only the same terms, 0 anything with a term in common', () => {
    const same = [0, 1, 2, 3, 4].map((h) => incidentAt(`s-${h}`, h, { ciId: null, category: 'Email', terms: ['a', 'a', 'b'] }));
    const strict = { ...DEFAULT_CANDIDATE_RULES, minSimilarity: 1 };
    expect(new CandidateStream(strict).deliverAll(same)).toEqual([raiseOnEmail(ids(same))]);
    const differing = same.map((i, n) => (n === 2 ? { ...i, terms: ['a', 'b'] } : i));
    expect(new CandidateStream(strict).deliverAll(differing)).toEqual([]);
    const loose = { ...DEFAULT_CANDIDATE_RULES, minSimilarity: 0 };
    const overlapping = same.map((i, n) => ({ ...i, terms: ['shared', `own-${n}`, `more-${n}`, `extra-${n}`] }));
    expect(new CandidateStream(loose).deliverAll(overlapping)).toEqual([raiseOnEmail(ids(same))]);
    const disjoint = same.map((i, n) => ({ ...i, terms: [`own-${n}`] }));
    expect(new CandidateStream(loose).deliverAll(disjoint)).toEqual([]);
  });
});
