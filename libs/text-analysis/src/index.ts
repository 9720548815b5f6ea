// @helpdesk/text-analysis: one analyser for Japanese and English text (index and query alike), and
// similarity measures over its terms (knowledge search, similar incidents, problem candidates).
export { AnalyzedToken, createTextAnalyzer, loadTextAnalyzer, TextAnalyzer } from './text-analyzer';
export { cosineSimilarity, jaccardSimilarity, termVector, TermVector } from './similarity/term-similarity';
export { porterStem } from './english/porter-stemmer';
export { HELP_DESK_SYNONYMS, SynonymGroup } from './synonyms/help-desk-synonyms';
export { loadKuromoji, KuromojiTokenizer } from './japanese/kuromoji-loader';
export { TEXT_ANALYZER, textAnalyzerProvider } from './nest/text-analyzer.provider';
export { detectLanguage } from './language/detect-language';
