import { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Request, Response } from 'express';
import { TraceHeaders } from '@helpdesk/observability';
import { ForwardingException } from './forwarding.exception';
import { ForwardTarget } from './forwarding-routes';

/** Request headers passed to the upstream (the rest, cookies included, stay at the edge). */
const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'content-length',
  'content-encoding',
  'accept',
  'accept-language',
  'accept-encoding',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'user-agent',
] as const;

/** Hop-by-hop headers (RFC 9110 §7.6.1) never cross a proxy. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export interface ForwardOptions {
  timeoutMs: number;
  correlationId?: string;
  /** The forward's client span as `traceparent`/`tracestate`; the caller's own are never passed on. */
  traceHeaders?: TraceHeaders | null;
}

export interface ForwardResult {
  status: number;
}

/**
 * The upstream URL of a request: the base URL's path, then the public path and query as they came. URL
 * parsing must not change the path (dot segments, `\`, a `#`): the pathname is checked to be exactly the
 * forwarded one, else the request is refused (400) rather than sent somewhere its rule does not cover.
 */
export function upstreamUrl(baseUrl: string, originalUrl: string): URL {
  const base = new URL(baseUrl);
  const forwarded = `${base.pathname.replace(/\/$/, '')}${originalUrl}`;
  const url = new URL(forwarded, base.origin);
  if (url.pathname !== forwarded.split('?')[0] || url.hash !== '' || url.origin !== base.origin) {
    throw ForwardingException.pathNotAllowed('path must reach the service unchanged (no . or .. segments, backslashes or #)');
  }
  return url;
}

/**
 * X-Forwarded-For for the upstream: the earlier hops only as far as Express trusts them (TRUST_PROXY,
 * `req.ips`), then the address that connected to us. Without trust the client's own header is dropped, so
 * it cannot pass a made-up address on.
 */
export function forwardedFor(req: Request): string {
  const peer = req.socket.remoteAddress ?? req.ip;
  return [...req.ips, peer].filter(Boolean).join(', ');
}

/**
 * Streams one request to an upstream service and its answer back (status, headers, body). Failing to
 * connect is a 502 and no response headers within the timeout a 504, both as ForwardingException; once
 * the upstream has answered, its status is ours.
 */
export class UpstreamProxy {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

  forward(req: Request, res: Response, target: ForwardTarget, options: ForwardOptions): Promise<ForwardResult> {
    let url: URL;
    try {
      url = upstreamUrl(target.baseUrl, req.originalUrl);
    } catch (error) {
      return Promise.reject(error);
    }
    const { headers, body } = this.outgoing(req, options);
    const isHttps = url.protocol === 'https:';
    const send = isHttps ? httpsRequest : httpRequest;

    return new Promise<ForwardResult>((resolve, reject) => {
      let settled = false;
      let answered = false;
      const fail = (error: ForwardingException) => {
        if (settled) return;
        settled = true;
        reject(error);
      };

      const upstreamReq = send(url, { method: req.method, headers, agent: isHttps ? this.httpsAgent : this.httpAgent });
      const timer = setTimeout(() => {
        fail(ForwardingException.timeout(target.upstream, options.timeoutMs));
        upstreamReq.destroy();
      }, options.timeoutMs);
      // After the answer starts, a stalled body ends the stream rather than hanging forever.
      upstreamReq.setTimeout(options.timeoutMs, () => upstreamReq.destroy(new Error('upstream idle timeout')));

      upstreamReq.on('response', (upstreamRes: IncomingMessage) => {
        clearTimeout(timer);
        if (settled) {
          upstreamRes.resume();
          return;
        }
        answered = true;
        res.status(upstreamRes.statusCode ?? 502);
        for (const [name, value] of Object.entries(this.incoming(upstreamRes.headers))) res.setHeader(name, value);
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
        res.on('close', () => {
          if (!upstreamRes.complete) upstreamRes.destroy();
          if (!settled) {
            settled = true;
            resolve({ status: upstreamRes.statusCode ?? 502 });
          }
        });
      });

      upstreamReq.on('error', () => {
        clearTimeout(timer);
        if (answered) {
          res.destroy(); // the answer had started: the client sees a cut stream, never a second status
          return;
        }
        fail(ForwardingException.unavailable(target.upstream));
      });

      // The caller went away: stop the upstream work too.
      req.on('aborted', () => upstreamReq.destroy());

      if (body !== undefined) upstreamReq.end(body);
      else req.pipe(upstreamReq);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private outgoing(req: Request, options: ForwardOptions): { headers: OutgoingHttpHeaders; body?: Buffer } {
    const headers: OutgoingHttpHeaders = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    if (options.correlationId) headers['x-correlation-id'] = options.correlationId;
    if (options.traceHeaders) Object.assign(headers, options.traceHeaders);
    headers['x-forwarded-for'] = forwardedFor(req);
    headers['x-forwarded-proto'] = req.protocol;
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;

    // Express's body parsers may already have read a JSON or form body: then send it re-encoded.
    // Any other body (CSV, multipart) is still unread and is streamed as it comes.
    const consumed = !req.readable || req.readableEnded;
    if (!consumed) return { headers };
    if (req.body === undefined) {
      headers['content-length'] = '0';
      return { headers, body: Buffer.alloc(0) };
    }
    const type = String(req.headers['content-type'] ?? '');
    const text = type.includes('application/x-www-form-urlencoded')
      ? new URLSearchParams(req.body as Record<string, string>).toString()
      : JSON.stringify(req.body);
    const body = Buffer.from(text, 'utf8');
    headers['content-length'] = String(body.length);
    delete headers['content-encoding']; // the parser inflated it
    return { headers, body };
  }

  private incoming(headers: IncomingHttpHeaders): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || HOP_BY_HOP.has(name) || name === 'x-correlation-id') continue;
      out[name] = value;
    }
    return out;
  }
}
