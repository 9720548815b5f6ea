import MarkdownIt from 'markdown-it';
import { isSafeUrl } from './safe-url';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface UnsafeLink {
  url: string;
  kind: 'link' | 'image';
}

/**
 * Article Markdown → HTML that is safe to insert into a page: raw HTML is never passed through (it is
 * shown as text), links and images must have an allowed scheme (markdown-it leaves a refused link as
 * plain text), external links open without a referrer or window.opener, images load lazily without a
 * referrer. Line breaks inside a paragraph are kept (Japanese text has no spaces to break at).
 */
export function createArticleMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = (url) => isSafeUrl(url, 'link') || isSafeUrl(url, 'image');
  // Images have their own, stricter rule (validateLink cannot tell a link from an image).
  md.core.ruler.push('kb_image_guard', (state) => {
    for (const block of state.tokens) {
      if (!block.children) continue;
      block.children = block.children.flatMap((t) =>
        t.type === 'image' && !isSafeUrl(t.attrGet('src') ?? '', 'image') ? imageAsText(t, state.Token) : [t],
      );
    }
  });
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = tokens[idx].attrGet('href') ?? '';
    if (/^(https?:)?\/\//i.test(href)) {
      tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
      tokens[idx].attrSet('target', '_blank');
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('loading', 'lazy');
    tokens[idx].attrSet('referrerpolicy', 'no-referrer');
    return defaultImage(tokens, idx, options, env, self);
  };
  return md;
}

/** A refused image stays visible as its alt text, like a refused link. */
function imageAsText(image: Token, TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token[] {
  const text = new TokenClass('text', '', 0);
  text.content = image.content;
  return [text];
}

const renderer = createArticleMarkdown();

/** Renders an article body (Markdown) to safe HTML. */
export function renderArticleMarkdown(markdown: string): string {
  return renderer.render(markdown);
}

// Parses with every link accepted, so that links the renderer would drop can be named to the author.
const inspector = new MarkdownIt({ html: false, linkify: true });
inspector.validateLink = () => true;

/** Links and images in the Markdown that the renderer would refuse (a 400 naming them beats a silent drop). */
export function findUnsafeLinks(markdown: string): UnsafeLink[] {
  const found: UnsafeLink[] = [];
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'link_open') {
        const href = t.attrGet('href') ?? '';
        if (!isSafeUrl(href, 'link')) found.push({ url: href, kind: 'link' });
      } else if (t.type === 'image') {
        const src = t.attrGet('src') ?? '';
        if (!isSafeUrl(src, 'image')) found.push({ url: src, kind: 'image' });
      }
      if (t.children) visit(t.children);
    }
  };
  visit(inspector.parse(markdown, {}));
  return found;
}
