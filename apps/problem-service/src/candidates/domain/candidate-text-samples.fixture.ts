// Incident texts for tests that use the real analyser: one symptom (Outlook crashes when opening an attachment)
// worded in English, Japanese and both, and other troubles of the same application.
export const OUTLOOK_CRASH_EN = [
  'Outlook keeps crashing when opening attachments',
  'Outlook crashes when I open an attachment',
  'Outlook crashed while opening an attached file',
  'Opening an attachment makes Outlook crash',
  'Outlook crash on opening email attachments',
  'Outlook closes unexpectedly when opening an attachment',
];
export const OUTLOOK_CRASH_JA = [
  'Outlookが添付ファイルを開くとクラッシュする',
  'Outlookで添付ファイルを開こうとするとクラッシュします',
  'アウトルックで添付を開くと落ちる',
  '添付ファイルを開くとOutlookがクラッシュした',
  'メールの添付ファイルを開くとOutlookがクラッシュ',
];
export const OUTLOOK_CRASH_MIXED = [
  'Outlook attachment open クラッシュ',
  'Outlookで attachment を開くと crash する',
  'Outlook crash: 添付ファイルを開くと落ちます',
  'Outlook crashes / 添付を開くとクラッシュ',
];
/** Other Outlook and mail troubles: the same category, not the same problem. */
export const OTHER_OUTLOOK = [
  'Outlook calendar does not sync',
  'Outlookのカレンダーが同期しない',
  'Outlook is slow to start',
  'Outlookの起動が遅い',
  'Outlookでメールが送れない',
  'Outlook search returns no results',
];
