import type { SeedArticle } from './seed-articles';

/** Outlook, Teams and suspicious email. */
export const SEED_ARTICLES_COLLABORATION: readonly SeedArticle[] = [
  {
    key: 'outlook-send-receive-ja',
    language: 'ja',
    title: 'Outlook でメールが送信できない・受信できない',
    categoryCode: 'collaboration.outlook',
    tags: ['Outlook', 'メール', '送信', '受信'],
    audience: 'employees',
    body: `Outlook でメールが送れない（送信トレイに残る）、新しいメールが届かないときは、次を確認してください。

## まず確認すること

1. 画面下のステータスバーに「**オフライン作業中**」「切断」と表示されていないか確認します。表示されている場合は「送受信」タブの「オフライン作業」をクリックしてオフにします。
2. ブラウザで Outlook on the web（https://outlook.office.com）を開き、同じメールが送受信できるか確認します。Web で使える場合は、PC の Outlook の問題です。
3. インターネット（社外では VPN）に接続されているか確認します。

## 送信できない（送信トレイに残る）

- **添付ファイルが大きすぎる**：1 通 25 MB までです。大きいファイルは OneDrive に保存して共有リンクを送ってください。
- 宛先のアドレスに誤りがないか確認します。「配信不能」のメールが返ってきた場合は、その本文のエラー内容を確認してください。
- メールボックスがいっぱいになると送信できなくなります。「メールボックスの容量がいっぱい」の記事を参照してください。

## 受信できない

- 迷惑メールフォルダーに振り分けられていないか確認します。
- 仕分けルール（「ファイル」→「仕分けルールと通知の管理」）で別のフォルダーに移動されていないか確認します。
- 社外からのメールが届かない場合は、送信者に「配信不能」のメールが返っていないか確認してもらってください。

## Outlook を再起動・修復する

1. Outlook を終了し、タスクマネージャーで Outlook が残っていないことを確認してから起動し直します。
2. 改善しない場合は PC を再起動します。

解決しない場合は、エラーメッセージのスクリーンショットと、送信した日時・宛先をサービスデスクに伝えてください。`,
  },
  {
    key: 'outlook-send-receive-en',
    language: 'en',
    translationOf: 'outlook-send-receive-ja',
    title: 'Outlook not sending or receiving email',
    categoryCode: 'collaboration.outlook',
    tags: ['Outlook', 'email', 'send', 'receive'],
    audience: 'employees',
    body: `If messages stay in the Outbox or new mail does not arrive in Outlook, check the following.

## First checks

1. Look at the status bar at the bottom: "**Working offline**" or "Disconnected" means Outlook is offline. Go to the **Send / Receive** tab and click **Work Offline** to turn it off.
2. Open Outlook on the web (https://outlook.office.com) in a browser and see whether mail works there. If it does, the problem is the Outlook app on your PC.
3. Check your internet connection (and the VPN when off-site).

## Mail is not sent (stuck in the Outbox)

- **Attachment too large**: the limit is 25 MB per message. Save big files to OneDrive and send a sharing link instead.
- Check the recipient's address. If you got a "Delivery has failed" (undeliverable) message back, read the error in it.
- A full mailbox cannot send; see "Mailbox full".

## Mail is not received

- Check the Junk Email folder.
- Check your rules (**File → Manage Rules & Alerts**) are not moving messages to another folder.
- If mail from outside does not arrive, ask the sender whether they got a bounce message.

## Restart or repair Outlook

1. Close Outlook, make sure it is gone from Task Manager, and open it again.
2. If that does not help, restart the PC.

If it still fails, send the service desk a screenshot of the error plus the time and recipient of a message that failed.`,
  },
  {
    key: 'mailbox-full-ja',
    language: 'ja',
    title: 'メールボックスの容量がいっぱいになった',
    categoryCode: 'collaboration.outlook',
    tags: ['Outlook', 'メールボックス', '容量'],
    audience: 'employees',
    body: `「メールボックスがいっぱいです」「メールボックスのサイズが上限に近づいています」という警告が出たときの対処です。メールボックスの容量は **50 GB** で、上限を超えるとメールの送信、さらに超えると受信もできなくなります。

## 使用量を確認する

Outlook の「ファイル」→「情報」→「メールボックスの設定」で、使用量を確認できます。

## 容量を空ける

1. **削除済みアイテム** フォルダーを空にします（右クリック →「フォルダーを空にする」）。
2. **大きな添付ファイル付きのメール** を探して削除します。検索ボックスで「サイズ: 巨大」などのフィルターを使うと見つけやすくなります。添付ファイルだけ OneDrive に保存してからメールを削除する方法もあります。
3. **送信済みアイテム** の古いメールを整理します。
4. **オンラインアーカイブ** を使います。古いメールを「アーカイブ」フォルダーに移動すると、メールボックスの容量に含まれません（1 年以上前のメールは自動でアーカイブされます）。

## 注意

- PST ファイル（個人用フォルダー）への保存は、PC の故障でデータが失われるため推奨しません。
- 法令や社内規程で保存が必要なメールは削除しないでください。

容量を増やす必要がある業務上の理由がある場合は、上長の承認を得てサービスデスクに申請してください。`,
  },
  {
    key: 'mailbox-full-en',
    language: 'en',
    translationOf: 'mailbox-full-ja',
    title: 'Mailbox full',
    categoryCode: 'collaboration.outlook',
    tags: ['Outlook', 'mailbox', 'quota'],
    audience: 'employees',
    body: `What to do when Outlook warns "Your mailbox is full" or "Your mailbox is almost full". Mailboxes hold **50 GB**; over the limit you can no longer send mail, and further over it you stop receiving mail too.

## See how much you use

In Outlook go to **File → Info → Mailbox Settings**.

## Free up space

1. Empty the **Deleted Items** folder (right-click → **Empty Folder**).
2. Find and delete **messages with large attachments**: use the search filter for size (e.g. "Huge"). You can save the attachment to OneDrive first.
3. Clean up old messages in **Sent Items**.
4. Use the **online archive**: messages moved to the Archive mailbox do not count against your quota (mail older than a year is archived automatically).

## Careful

- Do not save mail to PST files (personal folders): they are lost when the laptop fails.
- Do not delete messages you must keep by law or company policy.

If your work really needs more space, get your manager's approval and send a request to the service desk.`,
  },
  {
    key: 'teams-camera-mic-ja',
    language: 'ja',
    title: 'Teams でカメラが映らない・マイクや音声が使えない',
    categoryCode: 'collaboration.teams',
    tags: ['Teams', 'カメラ', 'マイク', 'Web会議'],
    audience: 'employees',
    body: `Teams の会議で自分の映像が映らない、相手に声が届かない、相手の声が聞こえないときの確認方法です。

## Teams のデバイス設定を確認する

1. Teams 右上の「…」→「設定」→「デバイス」を開きます。
2. **スピーカー・マイク・カメラ** に正しい機器（ヘッドセット、内蔵カメラなど）が選ばれているか確認します。
3. 「テスト通話を開始」で、マイクとスピーカーが動作するか確認できます。

会議中は、画面上部の「その他」→「デバイスの設定」からも切り替えられます。

## カメラが映らない

- ノート PC のカメラに **物理的なシャッター（カバー）** が付いている機種があります。開いているか確認してください。
- キーボードのカメラのオン/オフキー（F8 や F10 など）を確認します。
- Windows の「設定」→「プライバシーとセキュリティ」→「カメラ」で、アプリのカメラへのアクセスがオンになっているか確認します。
- ほかのアプリ（Zoom やカメラアプリ）がカメラを使っていると、Teams から使えません。閉じてから試してください。

## マイク・音声が使えない

- 会議画面のマイクボタンがミュートになっていないか、ヘッドセットのミュートスイッチも確認します。
- Bluetooth ヘッドセットは、いったん接続を切ってつなぎ直します。
- USB ヘッドセットは別のポートに挿し直します。

それでも使えない場合は、Teams を完全に終了（タスクバーのアイコンを右クリック →「終了」）して起動し直し、改善しなければ PC を再起動してください。`,
  },
  {
    key: 'teams-camera-mic-en',
    language: 'en',
    translationOf: 'teams-camera-mic-ja',
    title: 'Teams: camera not working, microphone or sound problems',
    categoryCode: 'collaboration.teams',
    tags: ['Teams', 'camera', 'microphone', 'meetings'],
    audience: 'employees',
    body: `What to check when others cannot see or hear you in a Teams meeting, or you cannot hear them.

## Check the Teams device settings

1. In Teams click **… → Settings → Devices**.
2. Check that the right **speaker, microphone and camera** are selected (headset, built-in camera, ...).
3. **Make a test call** to check the microphone and speaker.

During a meeting you can also switch devices from **More → Device settings**.

## Camera shows nothing

- Many laptops have a **physical privacy shutter** over the camera: check it is open.
- Check the camera on/off key on the keyboard (often F8 or F10).
- In Windows **Settings → Privacy & security → Camera**, make sure apps are allowed to use the camera.
- If another app (Zoom, the Camera app) is using the camera, Teams cannot: close it and try again.

## Microphone or sound does not work

- Check you are not muted in the meeting, and check the mute switch on your headset.
- Disconnect and reconnect a Bluetooth headset.
- Plug a USB headset into another port.

Still not working? Quit Teams completely (right-click its taskbar icon → **Quit**), start it again, and if that does not help, restart the PC.`,
  },
  {
    key: 'teams-cannot-join-ja',
    language: 'ja',
    title: 'Teams の会議に参加できない',
    categoryCode: 'collaboration.teams',
    tags: ['Teams', '会議', '参加'],
    audience: 'employees',
    body: `会議のリンクをクリックしても Teams の会議に入れない、「接続中」のまま進まないときの対処です。

## 試すこと

1. **Teams を最新にする**：Teams 右上の「…」→「設定」→「Teams について」でバージョンを確認し、更新があれば再起動します。
2. **Teams を再起動する**：タスクバーのアイコンを右クリック →「終了」してから起動し直します。
3. **ブラウザで参加する**：会議のリンクを Edge または Chrome で開き、「このブラウザーで続ける」を選びます。アプリに問題があってもブラウザからは参加できることが多いです。
4. **スマートフォンから参加する**：Teams アプリ、または招待メールに記載された電話番号と会議 ID で音声だけ参加できます。

## 社外の会議（他社の Teams）に参加できない

- 相手の組織の設定によっては、ロビーで待機が必要です。主催者に参加を許可してもらってください。
- 「ゲストとして参加」を求められた場合は、名前を入力して参加します。

## サインインできない・会議が表示されない

- 予定表に会議が表示されない場合は、招待メールのリンクから参加できます。
- サインインのエラーが出る場合は、パスワードの変更やアカウントのロックを確認してください。

急ぎの会議で参加できない場合は、まずスマートフォンから参加し、その後サービスデスクに連絡してください。`,
  },
  {
    key: 'teams-cannot-join-en',
    language: 'en',
    translationOf: 'teams-cannot-join-ja',
    title: "Can't join a Teams meeting",
    categoryCode: 'collaboration.teams',
    tags: ['Teams', 'meeting', 'join'],
    audience: 'employees',
    body: `What to do when clicking a meeting link does not get you into the Teams meeting, or it stays on "Connecting".

## Try this

1. **Update Teams**: click **… → Settings → About Teams**, let it update and restart.
2. **Restart Teams**: right-click the taskbar icon → **Quit**, then start it again.
3. **Join in a browser**: open the meeting link in Edge or Chrome and choose **Continue on this browser**. This usually works even when the app misbehaves.
4. **Join from your phone**: with the Teams app, or dial in for audio with the phone number and conference ID in the invitation.

## Meetings run by other companies

- Their settings may hold you in the lobby until the organiser lets you in.
- If asked to **Join as a guest**, type your name and join.

## Cannot sign in or the meeting is missing

- If the meeting is not in your calendar, join from the link in the invitation email.
- Sign-in errors: check whether your password changed or your account is locked.

If you cannot get into an urgent meeting, join from your phone first and contact the service desk afterwards.`,
  },
  {
    key: 'phishing-report-ja',
    language: 'ja',
    title: '不審なメール（フィッシングメール）を受け取ったとき',
    categoryCode: 'security.phishing',
    tags: ['フィッシング', 'セキュリティ', '迷惑メール'],
    audience: 'employees',
    body: `パスワードの入力を求める、至急の支払いを依頼する、心当たりのない添付ファイルが付いている――そんなメールはフィッシング（詐欺）メールの可能性があります。

## 見分けるポイント

- 送信者のアドレスが会社や取引先の正しいドメインと違う（例：example-co.jp.xyz.com）
- 「アカウントが停止されます」「24 時間以内に」など、急がせる表現
- リンク先にマウスを乗せると、表示とは違う URL が出る
- 心当たりのない請求書、配送通知、パスワードの期限切れ通知

## 受け取ったら

1. **リンクをクリックしない、添付ファイルを開かない、返信しない**。
2. Outlook の「**報告**」ボタン（「フィッシングの報告」）を押します。セキュリティチームに自動で転送され、受信トレイから削除されます。
3. 報告ボタンがない場合は、メールを添付ファイルとして security@example.co.jp に転送してください。

## クリックしてしまった・パスワードを入力してしまった

慌てずに、**すぐに** 次を行ってください。

1. パスワードリセットページ（https://aka.ms/sspr）で **パスワードを変更** します。
2. サービスデスク（内線 1234）に連絡し、クリックした時刻とメールの件名を伝えます。
3. 添付ファイルを開いた場合は、PC をネットワーク（Wi-Fi・LAN ケーブル）から切断し、電源は入れたままにしてください。

報告は誰も責めません。早く報告していただくほど被害を防げます。`,
  },
  {
    key: 'phishing-report-en',
    language: 'en',
    translationOf: 'phishing-report-ja',
    title: 'Received a suspicious or phishing email',
    categoryCode: 'security.phishing',
    tags: ['phishing', 'security', 'spam'],
    audience: 'employees',
    body: `An email that asks for your password, pushes for an urgent payment, or carries an attachment you did not expect may be phishing (a scam).

## Warning signs

- The sender's address is not the real domain of our company or the partner (e.g. example-co.jp.xyz.com)
- Pressure: "your account will be suspended", "within 24 hours"
- Hovering over a link shows a different address from the text
- Invoices, delivery notices or "password expired" messages you did not expect

## If you receive one

1. **Do not click links, open attachments or reply.**
2. Click Outlook's **Report** button (**Report phishing**). The message goes to the security team and leaves your inbox.
3. No Report button? Forward the message as an attachment to security@example.co.jp.

## Clicked a link or typed your password?

Stay calm and act **now**:

1. **Change your password** on the password reset page (https://aka.ms/sspr).
2. Call the service desk (ext. 1234) and tell us when you clicked and the subject of the email.
3. If you opened an attachment, disconnect the PC from the network (Wi-Fi and cable) but leave it switched on.

Nobody is blamed for reporting. The sooner you report, the more damage we can prevent.`,
  },
];
