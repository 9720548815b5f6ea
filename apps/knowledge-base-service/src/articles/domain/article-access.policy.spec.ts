import { ARTICLE_AUDIENCES, ARTICLE_STATES, Role } from '@helpdesk/contracts';
import { canSeeEditorialDetail, canViewArticle, visibleScope } from './article-access.policy';

const viewer = (roles: Role[]) => ({ id: 'u1', roles });

describe('article access', () => {
  it('an employee sees only published articles for employees', () => {
    const employee = viewer(['employee']);
    for (const state of ARTICLE_STATES) {
      for (const audience of ARTICLE_AUDIENCES) {
        expect(canViewArticle(employee, { state, audience })).toBe(state === 'published' && audience === 'employees');
      }
    }
  });

  it('IT staff who do not write (asset managers) see published and retired articles of both audiences', () => {
    const assetManager = viewer(['asset_manager']);
    expect(canViewArticle(assetManager, { state: 'published', audience: 'it_staff' })).toBe(true);
    expect(canViewArticle(assetManager, { state: 'retired', audience: 'employees' })).toBe(true);
    expect(canViewArticle(assetManager, { state: 'draft', audience: 'employees' })).toBe(false);
    expect(canViewArticle(assetManager, { state: 'in_review', audience: 'it_staff' })).toBe(false);
  });

  it('authors and reviewers see every state', () => {
    for (const roles of [['agent'], ['specialist'], ['knowledge_manager'], ['admin']] as Role[][]) {
      for (const state of ARTICLE_STATES) expect(canViewArticle(viewer(roles), { state, audience: 'it_staff' })).toBe(true);
    }
  });

  it('an employee who is also an agent is treated as the agent', () => {
    expect(canViewArticle(viewer(['employee', 'agent']), { state: 'draft', audience: 'it_staff' })).toBe(true);
  });

  it('the list scope says the same as canViewArticle', () => {
    for (const roles of [['employee'], ['asset_manager'], ['agent'], ['admin']] as Role[][]) {
      const scope = visibleScope(viewer(roles));
      for (const state of ARTICLE_STATES) {
        for (const audience of ARTICLE_AUDIENCES) {
          const inScope = (scope.states?.includes(state) ?? true) && (scope.audiences?.includes(audience) ?? true);
          expect(inScope).toBe(canViewArticle(viewer(roles), { state, audience }));
        }
      }
    }
  });

  it('version history and feedback comments are for authors and reviewers', () => {
    expect(canSeeEditorialDetail(viewer(['employee']))).toBe(false);
    expect(canSeeEditorialDetail(viewer(['asset_manager']))).toBe(false);
    expect(canSeeEditorialDetail(viewer(['agent']))).toBe(true);
  });
});
