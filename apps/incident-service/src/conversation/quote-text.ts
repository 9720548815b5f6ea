/** E-mail style quoting: an attribution line, then each line of the quoted words prefixed with "> ". */
export function quoteText(authorName: string, at: Date, text: string, locale: 'ja' | 'en' = 'en'): string {
  const when = at.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const attribution = locale === 'ja' ? `${when} ${authorName} さんは書きました:` : `On ${when}, ${authorName} wrote:`;
  const quoted = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`))
    .join('\n');
  return `${attribution}\n${quoted}`;
}

/** The reply as stored: the new words first, the quote below (as mail clients do). */
export function replyWithQuote(body: string, quote: string): string {
  return `${body.trimEnd()}\n\n${quote}`;
}
