import { dirname } from 'node:path';
import { builder, IpadicFeatures, Tokenizer } from 'kuromoji';

export type KuromojiTokenizer = Tokenizer<IpadicFeatures>;

let loading: Promise<KuromojiTokenizer> | null = null;

/**
 * kuromoji's IPADIC tokenizer, built once per process (reading the dictionary takes about a second).
 * The dictionary ships inside the npm package; resolving it through Node finds it from any working directory.
 */
export function loadKuromoji(): Promise<KuromojiTokenizer> {
  loading ??= new Promise<KuromojiTokenizer>((resolve, reject) => {
    const dicPath = dirname(require.resolve('kuromoji/dict/base.dat.gz'));
    builder({ dicPath }).build((err, tokenizer) => (err ? reject(err) : resolve(tokenizer)));
  }).catch((err: unknown) => {
    loading = null; // a later call may try again
    throw err;
  });
  return loading;
}
