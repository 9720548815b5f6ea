import fc from 'fast-check';
import { DEFAULT_CATEGORIES } from '../../categories/default-categories.constant';
import { DEFAULT_ROUTING_RULES } from '../default-routing-rules.constant';
import { categoryCodeOf, categoryCovers, RoutingInput, RoutingRuleDefinition, RoutingRuleSet } from './routing-rule-set';

let seq = 0;
function rule(partial: Partial<RoutingRuleDefinition>): RoutingRuleDefinition {
  seq++;
  return {
    id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    name: `rule ${seq}`,
    order: 100,
    categories: [],
    channels: [],
    callerDepartments: [],
    keywords: [],
    assignmentGroupId: null,
    assignmentGroupName: 'Somewhere',
    ...partial,
  };
}

function input(partial: Partial<RoutingInput>): RoutingInput {
  return {
    category: null,
    subcategory: null,
    shortDescription: '',
    description: '',
    channel: 'portal',
    callerDepartment: null,
    ...partial,
  };
}

/** Names of every matching rule, in evaluation order. */
function matches(set: RoutingRuleSet, i: RoutingInput): string[] {
  const prepared = set.prepare(i);
  const names: string[] = [];
  for (let at = set.firstMatch(prepared); at >= 0; at = set.firstMatch(prepared, at + 1)) names.push(set.rule(at).name);
  return names;
}

describe('categoryCodeOf', () => {
  it('joins category and subcategory into one code', () => {
    expect(categoryCodeOf('network', 'vpn')).toBe('network.vpn');
    expect(categoryCodeOf('network', 'network.vpn')).toBe('network.vpn');
    expect(categoryCodeOf(null, 'network.vpn')).toBe('network.vpn');
    expect(categoryCodeOf('Network', null)).toBe('network');
    expect(categoryCodeOf('network.vpn', 'vpn')).toBe('network.vpn');
    expect(categoryCodeOf(null, 'vpn')).toBeNull();
    expect(categoryCodeOf(' ', null)).toBeNull();
  });

  it('a category covers itself and its subcategories only', () => {
    expect(categoryCovers('network', 'network')).toBe(true);
    expect(categoryCovers('network', 'network.vpn')).toBe(true);
    expect(categoryCovers('network', 'networking')).toBe(false);
    expect(categoryCovers('network', 'networking.vpn')).toBe(false);
    expect(categoryCovers('network.vpn', 'network')).toBe(false);
  });
});

describe('RoutingRuleSet', () => {
  it('evaluates by order, then id, whatever order the rules come in', () => {
    const late = rule({ name: 'late', order: 300, keywords: ['vpn'] });
    const early = rule({ name: 'early', order: 100, keywords: ['vpn'] });
    const tieA = rule({ name: 'tie-a', order: 200, keywords: ['vpn'] });
    const tieB = rule({ name: 'tie-b', order: 200, keywords: ['vpn'] });
    fc.assert(
      fc.property(fc.shuffledSubarray([late, early, tieB, tieA], { minLength: 4 }), (rules) => {
        expect(matches(RoutingRuleSet.compile(rules), input({ shortDescription: 'VPN down' }))).toEqual([
          'early',
          'tie-a',
          'tie-b',
          'late',
        ]);
      }),
    );
  });

  it('needs every given condition; each condition is any-of', () => {
    const set = RoutingRuleSet.compile([
      rule({
        name: 'all',
        categories: ['network'],
        channels: ['phone', 'chat'],
        callerDepartments: ['営業部'],
        keywords: ['vpn', '遅い'],
      }),
    ]);
    const hit = input({
      category: 'network',
      subcategory: 'vpn',
      channel: 'chat',
      callerDepartment: '営業部',
      shortDescription: '回線が遅い',
    });
    expect(matches(set, hit)).toEqual(['all']);
    expect(matches(set, { ...hit, category: 'hardware', subcategory: null })).toEqual([]);
    expect(matches(set, { ...hit, channel: 'portal' })).toEqual([]);
    expect(matches(set, { ...hit, callerDepartment: '経理部' })).toEqual([]);
    expect(matches(set, { ...hit, callerDepartment: null })).toEqual([]);
    expect(matches(set, { ...hit, shortDescription: 'printer jam' })).toEqual([]);
    expect(matches(set, { ...hit, category: null, subcategory: null })).toEqual([]);
  });

  it('compares departments and channels after normalisation', () => {
    const set = RoutingRuleSet.compile([rule({ name: 'dept', callerDepartments: ['Sales Dept.'], channels: ['walk_in'] })]);
    expect(matches(set, input({ callerDepartment: 'ＳＡＬＥＳ　ＤＥＰＴ', channel: 'WALK_IN' }))).toEqual(['dept']);
  });

  it('matches keywords in the description as well as the short description', () => {
    const set = RoutingRuleSet.compile([rule({ name: 'kw', keywords: ['VPN'] })]);
    expect(matches(set, input({ shortDescription: '接続できません', description: '自宅から社内ＶＰＮに' }))).toEqual(['kw']);
    // The two fields do not run together into one word.
    const joined = RoutingRuleSet.compile([rule({ name: 'joined', keywords: ['endstart'] })]);
    expect(matches(joined, input({ shortDescription: 'end', description: 'start' }))).toEqual([]);
  });

  it('never matches a rule without usable conditions', () => {
    const set = RoutingRuleSet.compile([
      rule({ name: 'empty' }),
      rule({ name: 'punctuation only', keywords: ['、。'] }),
      rule({ name: 'blank department', callerDepartments: ['  '], channels: ['portal'] }),
    ]);
    expect(matches(set, input({ shortDescription: 'anything、。' }))).toEqual([]);
  });

  it('does not normalise the text when no rule gets as far as keywords', () => {
    const set = RoutingRuleSet.compile([rule({ name: 'phone vpn', channels: ['phone'], keywords: ['vpn'] })]);
    const prepared = set.prepare(input({ channel: 'portal', shortDescription: 'vpn' }));
    const spy = jest.spyOn(String.prototype, 'normalize');
    try {
      expect(set.firstMatch(prepared)).toBe(-1);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the seeded rules', () => {
  const set = RoutingRuleSet.compile(
    DEFAULT_ROUTING_RULES.map((r, i) => rule({ ...r, id: `00000000-0000-7000-9000-${String(i).padStart(12, '0')}` })),
  );
  const groupFor = (i: Partial<RoutingInput>) => {
    const at = set.firstMatch(set.prepare(input(i)));
    return at < 0 ? null : set.rule(at).assignmentGroupName;
  };

  it.each([
    ['VPNに繋がらない', 'Network'],
    ['パスワードを忘れました', 'Identity & Access'],
    ['PCが起動しない', 'Desktop Support'],
    ['ﾌﾟﾘﾝﾀｰが印刷しない', 'Desktop Support'],
    ["My PC won't start", 'Desktop Support'],
    ['PC won’t start after update', 'Desktop Support'],
    ['Login failed after password change', 'Identity & Access'],
    ["I can't log in", 'Identity & Access'],
    ['ＭＦＡのコードが届かない', 'Identity & Access'],
    ['社内Wi-Fiが遅い', 'Network'],
    ['電源が入らない', 'Desktop Support'],
    ['Excel crashes', null],
    ['comfa settings', null],
  ])('%s → %s', (text, group) => {
    expect(groupFor({ shortDescription: text })).toBe(group);
  });

  it('routes by category after the keyword rules', () => {
    expect(groupFor({ category: 'network', subcategory: 'wired', shortDescription: 'Slow' })).toBe('Network');
    expect(groupFor({ category: 'account', subcategory: 'permission', shortDescription: 'Need access' })).toBe(
      'Identity & Access',
    );
    expect(groupFor({ category: 'hardware', subcategory: 'monitor', shortDescription: 'Flicker' })).toBe('Desktop Support');
    // The words win over the category.
    expect(groupFor({ category: 'hardware', shortDescription: 'パスワードの再設定' })).toBe('Identity & Access');
    expect(groupFor({ category: 'software', subcategory: 'office', shortDescription: 'Excel crashes' })).toBeNull();
  });

  it('name only categories that the seed creates', () => {
    const codes = new Set(DEFAULT_CATEGORIES.map((c) => c.code));
    for (const r of DEFAULT_ROUTING_RULES) for (const c of r.categories ?? []) expect(codes).toContain(c);
  });

  it('target the groups of the demo directory', () => {
    const demoGroups = ['Service Desk', 'Desktop Support', 'Network', 'Identity & Access', 'Applications'];
    for (const r of DEFAULT_ROUTING_RULES) expect(demoGroups).toContain(r.assignmentGroupName);
  });
});
