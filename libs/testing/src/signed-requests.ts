import request from 'supertest';
import { ServiceTestApp } from './service-test-app';

export type SignedRequests = ReturnType<typeof signedRequests>;

/**
 * supertest with an Authorization header on every request. Each call sends the request and resolves
 * to the response; `version` becomes `If-Match: "<version>"`.
 */
export function signedRequests(http: Parameters<typeof request>[0], prefix: string, authorization: () => Promise<string>) {
  const send = async (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, body?: object, version?: number) => {
    const r = request(http)
      [method](`${prefix}${path}`)
      .set('Authorization', await authorization());
    if (version !== undefined) r.set('If-Match', `"${version}"`);
    return body === undefined ? r : r.send(body);
  };
  return {
    get: (path: string) => send('get', path),
    post: (path: string, body: object = {}, version?: number) => send('post', path, body, version),
    patch: (path: string, body: object, version?: number) => send('patch', path, body, version),
    put: (path: string, body: object) => send('put', path, body),
    delete: (path: string) => send('delete', path),
    token: authorization,
  };
}

/** A started service whose tokens the test signs: what requestAs needs. */
export interface SignedTestApp<TPerson> extends Pick<ServiceTestApp, 'http' | 'apiPrefix'> {
  /** "Bearer <token>" for the person. */
  bearer(person: TPerson): Promise<string>;
}

/** The service's public paths as one person: `requestAs(t, employee).get('/kb/articles')`. */
export function requestAs<TPerson>(t: SignedTestApp<TPerson>, person: TPerson): SignedRequests {
  return signedRequests(t.http, t.apiPrefix, () => t.bearer(person));
}
