/** The public API (`/api/v1` on the gateway's port) as the web app and scripts call it: JSON over fetch, real tokens. */
import { DEFAULT_DEMO_PASSWORD } from '@helpdesk/contracts';

export interface ApiResponse<T = any> {
  status: number;
  /** Parsed JSON, or the text when the answer is not JSON. */
  body: T;
  headers: Headers;
}

/** The user a sign-in returned (the gateway's UserDto, the fields these specs read). */
export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  managerId: string | null;
  roles: string[];
}

type Body = { json: unknown } | { text: string; contentType: string };

export class GatewayClient {
  readonly apiUrl: string;

  constructor(port: number) {
    this.apiUrl = `http://127.0.0.1:${port}/api/v1`;
  }

  /** Signs in with a password (every demo person has the demo password) and returns who they are. */
  async signIn(email: string, password = DEFAULT_DEMO_PASSWORD): Promise<Actor> {
    const res = await this.send('POST', '/auth/login', { body: { json: { email, password } } });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return new Actor(this, res.body.user as SignedInUser, res.body.accessToken as string);
  }

  /** One request; `authorization` is sent as given (none, a real token, or a forged one). */
  async send(
    method: string,
    path: string,
    options: { authorization?: string; body?: Body; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.authorization) headers.authorization = options.authorization;
    let payload: string | undefined;
    if (options.body && 'json' in options.body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.body.json);
    } else if (options.body) {
      headers['content-type'] = options.body.contentType;
      payload = options.body.text;
    }
    const res = await fetch(`${this.apiUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown = text;
    if (res.headers.get('content-type')?.includes('json')) body = JSON.parse(text);
    return { status: res.status, body, headers: res.headers };
  }
}

/** A signed-in person: every request carries their access token. */
export class Actor {
  constructor(
    private readonly client: GatewayClient,
    readonly user: SignedInUser,
    readonly token: string,
  ) {}

  get id(): string {
    return this.user.id;
  }

  get(path: string, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.send('GET', path, undefined, headers);
  }

  post(path: string, json: unknown = {}, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.send('POST', path, { json }, headers);
  }

  patch(path: string, json: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.send('PATCH', path, { json }, headers);
  }

  put(path: string, json: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.send('PUT', path, { json }, headers);
  }

  postText(path: string, text: string, contentType: string): Promise<ApiResponse> {
    return this.send('POST', path, { text, contentType });
  }

  private send(method: string, path: string, body?: Body, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.client.send(method, path, { authorization: `Bearer ${this.token}`, body, headers });
  }
}
