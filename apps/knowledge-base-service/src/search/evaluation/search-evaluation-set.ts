/**
 * How employees (and a few agents) actually ask: short, colloquial, misspelt, half Japanese and half
 * English, sometimes mixed. Each query names the seed article (src/seed/seed-articles.ts) it should find.
 * The queries were written from the problems, not copied from the articles' wording.
 */
export interface EvaluationQuery {
  query: string;
  /** Seed key of the article a good search shows for it. */
  expected: string;
  /** Who asks: employees cannot see IT-only articles. */
  caller: 'employee' | 'agent';
  /** What makes the query hard. */
  kind: 'plain' | 'colloquial' | 'typo' | 'mixed';
}

const q = (
  query: string,
  expected: string,
  kind: EvaluationQuery['kind'] = 'plain',
  caller: EvaluationQuery['caller'] = 'employee',
) => ({
  query,
  expected,
  caller,
  kind,
});

export const EVALUATION_QUERIES: readonly EvaluationQuery[] = [
  // Japanese
  q('VPN 繋がらない', 'vpn-cannot-connect-ja', 'mixed'),
  q('在宅勤務で社内ネットワークにつながりません', 'vpn-cannot-connect-ja', 'colloquial'),
  q('ぱすわーど忘れた', 'password-reset-ja', 'colloquial'),
  q('パスワードの期限が切れたので変えたい', 'password-reset-ja'),
  q('ログインできない アカウントロック', 'account-locked-ja'),
  q('スマホを機種変更したら認証アプリの承認ができない', 'mfa-authenticator-ja'),
  q('二段階認証の設定方法', 'mfa-authenticator-ja'),
  q('パソコンの電源が入らない', 'pc-wont-start-ja'),
  q('ＰＣが重くて仕事にならない', 'slow-pc-ja', 'colloquial'),
  q('エクセルが固まって応答なしになる', 'slow-pc-ja', 'colloquial'),
  q('Cドライブの空き容量が足りない', 'disk-full-ja', 'mixed'),
  q('プリンタで印刷できない', 'printer-cannot-print-ja'),
  q('複合機で紙詰まり', 'printer-cannot-print-ja'),
  q('Outlookでメールが送れない', 'outlook-send-receive-ja', 'mixed'),
  q('メールが届かない', 'outlook-send-receive-ja'),
  q('メールボックスがいっぱいと警告が出た', 'mailbox-full-ja'),
  q('Teams カメラ 映らない', 'teams-camera-mic-ja', 'mixed'),
  q('会議で自分の声が相手に聞こえない', 'teams-camera-mic-ja', 'colloquial'),
  q('チームズの会議に入れない', 'teams-cannot-join-ja', 'colloquial'),
  q('外付けモニターに何も映らない', 'external-monitor-ja'),
  q('マウスが動かない', 'keyboard-mouse-ja'),
  q('共有フォルダーを開くとアクセスが拒否されました', 'shared-folder-access-ja'),
  q('ワンドライブの同期が止まった', 'onedrive-sync-ja', 'colloquial'),
  q('社内サイトの表示がおかしい', 'browser-problems-ja'),
  q('ソフトをインストールしたい', 'software-install-ja', 'colloquial'),
  q('怪しいメールのリンクを押してしまった', 'phishing-report-ja', 'colloquial'),
  q('社内Wi-Fiがすぐ切れる', 'wifi-problems-ja', 'mixed'),
  q('AD アカウント ロック解除 手順', 'ad-account-unlock-ja', 'mixed', 'agent'),
  q('画面が真っ暗で立ち上がらない', 'pc-wont-start-ja', 'colloquial'),
  q('テレワーク中に社内システムが使えない', 'vpn-cannot-connect-ja', 'colloquial'),
  q('ヘッドセットから音が出ない', 'teams-camera-mic-ja'),
  q('キーボードで数字が打てない', 'keyboard-mouse-ja', 'colloquial'),
  q('共有フォルダのファイルを間違えて消してしまった', 'shared-folder-access-ja', 'colloquial'),
  q('詐欺メールかもしれない', 'phishing-report-ja', 'colloquial'),

  // English
  q('outlok not sending', 'outlook-send-receive-en', 'typo'),
  q('emails not arriving in my inbox', 'outlook-send-receive-en', 'colloquial'),
  q('forgot my pasword', 'password-reset-en', 'typo'),
  q('how do I change my password', 'password-reset-en'),
  q('account locked out', 'account-locked-en'),
  q('got a new phone, authenticator app not working', 'mfa-authenticator-en', 'colloquial'),
  q('set up mfa', 'mfa-authenticator-en'),
  q('labtop wont turn on', 'pc-wont-start-en', 'typo'),
  q('my computer is super slow', 'slow-pc-en', 'colloquial'),
  q('low disk space on C drive', 'disk-full-en'),
  q('printer not printing', 'printer-cannot-print-en'),
  q('paper jam', 'printer-cannot-print-en'),
  q('mailbox is full cannot send', 'mailbox-full-en'),
  q('teams camera not working', 'teams-camera-mic-en'),
  q('people cant hear me on teams calls', 'teams-camera-mic-en', 'colloquial'),
  q("can't join teams meeting", 'teams-cannot-join-en'),
  q('second monitor says no signal', 'external-monitor-en', 'colloquial'),
  q('wireless mouse not working', 'keyboard-mouse-en'),
  q('access denied on shared drive', 'shared-folder-access-en'),
  q('onedrive not synching', 'onedrive-sync-en', 'typo'),
  q('clear browser cache', 'browser-problems-en'),
  q('request to install software', 'software-install-en'),
  q('clicked a link in a phishing email', 'phishing-report-en'),
  q('wifi keeps disconnecting', 'wifi-problems-en', 'colloquial'),
  q('vpn conection failed', 'vpn-cannot-connect-en', 'typo'),
  q('bitlocker recovery key', 'bitlocker-recovery-en', 'plain', 'agent'),
  q('unlock ad account powershell', 'ad-account-unlock-en', 'plain', 'agent'),
  q('screen stays black when I press the power button', 'pc-wont-start-en', 'colloquial'),
  q('excel keeps freezing', 'slow-pc-en', 'colloquial'),
  q('emails stuck in outbox', 'outlook-send-receive-en', 'colloquial'),
  q('numbers not typing on keyboard', 'keyboard-mouse-en', 'colloquial'),
  q('restore a deleted file on the file server', 'shared-folder-access-en'),
  q('password expired', 'password-reset-en'),
];
