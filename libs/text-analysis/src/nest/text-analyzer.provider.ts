import { Provider } from '@nestjs/common';
import { loadTextAnalyzer, TextAnalyzer } from '../text-analyzer';

/** Nest injection token of the shared TextAnalyzer (kuromoji's dictionary loads once, at start-up). */
export const TEXT_ANALYZER = Symbol('TEXT_ANALYZER');

export const textAnalyzerProvider: Provider<Promise<TextAnalyzer>> = {
  provide: TEXT_ANALYZER,
  useFactory: () => loadTextAnalyzer(),
};
