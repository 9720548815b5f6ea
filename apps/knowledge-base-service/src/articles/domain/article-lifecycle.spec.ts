import { ARTICLE_STATES, ArticleState, Role, ROLES } from '@helpdesk/contracts';
import { ARTICLE_ACTIONS, allowedActions, decideArticleAction } from './article-lifecycle';

const agent: Role[] = ['agent'];
const specialist: Role[] = ['specialist'];
const manager: Role[] = ['knowledge_manager'];
const admin: Role[] = ['admin'];
const employee: Role[] = ['employee'];
const assetManager: Role[] = ['asset_manager'];

describe('article lifecycle', () => {
  it.each([
    ['draft', 'submit', agent, 'in_review'],
    ['draft', 'submit', specialist, 'in_review'],
    ['in_review', 'publish', manager, 'published'],
    ['in_review', 'publish', admin, 'published'],
    ['in_review', 'reject', manager, 'draft'],
    ['published', 'retire', manager, 'retired'],
    ['draft', 'edit', agent, 'draft'],
    ['in_review', 'edit', manager, 'in_review'],
    ['published', 'edit', admin, 'published'],
  ] as const)('%s --%s by %j--> %s', (from, action, roles, to) => {
    expect(decideArticleAction(from, action, roles)).toEqual({ ok: true, to });
  });

  it('an agent cannot publish, reject or retire (forbidden, whatever the state)', () => {
    for (const action of ['publish', 'reject', 'retire'] as const) {
      const from: ArticleState = action === 'retire' ? 'published' : 'in_review';
      expect(decideArticleAction(from, action, agent)).toMatchObject({ ok: false, reason: 'forbidden' });
    }
  });

  it('authors edit drafts only; once submitted, only reviewers edit', () => {
    expect(decideArticleAction('in_review', 'edit', agent)).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: 'Only knowledge managers and admins edit an article once it is submitted',
    });
    expect(decideArticleAction('published', 'edit', specialist)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('employees and asset managers take no action at all', () => {
    for (const state of ARTICLE_STATES) {
      expect(allowedActions(state, employee)).toEqual([]);
      expect(allowedActions(state, assetManager)).toEqual([]);
    }
    expect(decideArticleAction('draft', 'submit', employee)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('an action from the wrong state is illegal and names what is allowed instead', () => {
    expect(decideArticleAction('draft', 'publish', manager)).toEqual({
      ok: false,
      reason: 'illegal',
      allowed: ['edit', 'submit'],
      message: 'Cannot publish an article that is draft; allowed: edit, submit',
    });
    expect(decideArticleAction('retired', 'edit', admin)).toEqual({
      ok: false,
      reason: 'illegal',
      allowed: [],
      message: 'Cannot edit an article that is retired; allowed: none',
    });
  });

  it('a wrong state is reported before a missing role (the state is what the client must fix first)', () => {
    expect(decideArticleAction('draft', 'publish', agent)).toMatchObject({
      ok: false,
      reason: 'illegal',
      allowed: ['edit', 'submit'],
    });
  });

  it('allowed actions per state for a knowledge manager', () => {
    expect(allowedActions('draft', manager)).toEqual(['edit', 'submit']);
    expect(allowedActions('in_review', manager)).toEqual(['edit', 'publish', 'reject']);
    expect(allowedActions('published', manager)).toEqual(['edit', 'retire']);
    expect(allowedActions('retired', manager)).toEqual([]);
  });

  it('every decision agrees with allowedActions, for every state, action and role', () => {
    for (const state of ARTICLE_STATES) {
      for (const role of ROLES) {
        const allowed = allowedActions(state, [role]);
        for (const action of ARTICLE_ACTIONS) {
          expect(decideArticleAction(state, action, [role]).ok).toBe(allowed.includes(action));
        }
      }
    }
  });

  it('retired is final and published is reached only through review', () => {
    for (const role of ROLES) {
      for (const action of ARTICLE_ACTIONS) {
        expect(decideArticleAction('retired', action, [role]).ok).toBe(false);
        const fromDraft = decideArticleAction('draft', action, [role]);
        expect(fromDraft.ok && fromDraft.to === 'published').toBe(false);
      }
    }
  });
});
