import type { SeedArticle } from './seed-articles';

/** PCs, monitors, keyboards, mice and printers. */
export const SEED_ARTICLES_DEVICES: readonly SeedArticle[] = [
  {
    key: 'pc-wont-start-ja',
    language: 'ja',
    title: 'PC が起動しない・電源が入らない',
    categoryCode: 'devices.pc',
    tags: ['PC', '起動', '電源'],
    audience: 'employees',
    body: `電源ボタンを押しても PC が立ち上がらないときは、次の順に試してください。

## 電源が入らない（ランプが点かない・画面が真っ暗）

1. AC アダプターがコンセントと PC の両方にしっかり挿さっているか確認します。電源タップのスイッチも確認します。
2. ノート PC はバッテリーが空のことがあります。AC アダプターをつないで **15 分以上充電** してから電源ボタンを押します。
3. ドッキングステーションや USB 機器、外付けモニターをすべて外し、PC 単体で起動してみます。
4. 電源ボタンを **15 秒長押し** して完全に電源を切り、数秒待ってから通常どおり押します。

## 電源は入るが Windows が起動しない

- メーカーのロゴのまま止まる、再起動を繰り返す場合は、電源ボタンの長押しで電源を切り、もう一度起動します。
- 「自動修復」や青い画面（ブルースクリーン）が表示された場合は、画面の写真を撮ってからサービスデスクに連絡してください。
- 「BitLocker 回復キー」を求められた場合は、自分で入力せずサービスデスクに連絡してください。回復キーをお伝えします。

## サービスデスクに連絡するとき

PC の資産番号（本体裏のシール）、いつから起動しないか、落下や水濡れがなかったかを伝えてください。代替機の貸し出しが必要な場合もあわせてお知らせください。`,
  },
  {
    key: 'pc-wont-start-en',
    language: 'en',
    translationOf: 'pc-wont-start-ja',
    title: "PC won't start or turn on",
    categoryCode: 'devices.pc',
    tags: ['PC', 'boot', 'power'],
    audience: 'employees',
    body: `If nothing happens when you press the power button, try these in order.

## No power (no lights, black screen)

1. Check that the power adapter is firmly plugged into both the wall and the laptop, and that any power strip is switched on.
2. A laptop battery may be completely flat: connect the adapter and **charge for at least 15 minutes**, then press the power button.
3. Disconnect the docking station, USB devices and external monitors, and start the laptop on its own.
4. Hold the power button for **15 seconds** to switch it off completely, wait a few seconds, then press it normally.

## It powers on but Windows does not start

- Stuck on the manufacturer's logo or restarting in a loop: hold the power button to switch off, then start again.
- If you see **Automatic Repair** or a blue screen, take a photo of the screen and contact the service desk.
- If it asks for a **BitLocker recovery key**, do not guess: contact the service desk and we will give you the key.

## When you contact the service desk

Tell us the asset number (sticker underneath the laptop), since when it has not started, and whether it was dropped or got wet. Say if you need a loan laptop in the meantime.`,
  },
  {
    key: 'slow-pc-ja',
    language: 'ja',
    title: 'PC の動作が遅い・重い・フリーズする',
    categoryCode: 'devices.pc',
    tags: ['PC', '遅い', 'フリーズ', 'パフォーマンス'],
    audience: 'employees',
    body: `PC の動きが遅い、アプリが固まる（応答なし）ときは、次を試してください。

## まず試すこと

1. **再起動する**：しばらく再起動していない PC は遅くなります。「シャットダウン」ではなく「再起動」を選んでください（高速スタートアップのため、シャットダウンではメモリがリセットされません）。
2. **使っていないアプリやブラウザのタブを閉じる**：特にブラウザのタブを大量に開いているとメモリを使い切ります。
3. **タスクマネージャーで確認する**：Ctrl + Shift + Esc で開き、CPU・メモリ・ディスクの使用率が高いアプリを確認します。応答しないアプリは「タスクの終了」で閉じます。

## それでも遅いとき

- **Windows Update** を確認し、更新があれば適用して再起動します。更新の途中はしばらく遅くなることがあります。
- **ディスクの空き容量** が少ないと遅くなります。「C ドライブの空き容量が足りない」の記事を参照してください。
- 起動時に自動で立ち上がるアプリを減らします（タスクマネージャーの「スタートアップ」タブ）。

## サービスデスクに連絡するとき

特定のアプリだけが遅いのか、PC 全体が遅いのか、いつから遅くなったのかを伝えてください。タスクマネージャーの画面のスクリーンショットがあると調査が早くなります。購入から 5 年以上たった PC は交換の対象になることがあります。`,
  },
  {
    key: 'slow-pc-en',
    language: 'en',
    translationOf: 'slow-pc-ja',
    title: 'PC is slow or freezes',
    categoryCode: 'devices.pc',
    tags: ['PC', 'slow', 'freeze', 'performance'],
    audience: 'employees',
    body: `If your computer is sluggish or apps hang ("Not responding"), try the following.

## First steps

1. **Restart**: a PC that has not been restarted for days gets slow. Choose **Restart**, not Shut down (with Fast Startup, shutting down does not clear memory).
2. **Close apps and browser tabs you are not using**: dozens of open tabs can use up all the memory.
3. **Check Task Manager**: press Ctrl + Shift + Esc and see which apps use the most CPU, memory or disk. End an app that is not responding with **End task**.

## Still slow

- Run **Windows Update**, install what is pending and restart. The PC can be slow while updates install.
- **Low disk space** slows everything down; see "Disk full: not enough space on drive C".
- Reduce the apps that start automatically (Task Manager → **Startup apps**).

## When you contact the service desk

Tell us whether one app or the whole PC is slow, and since when. A screenshot of Task Manager helps. Laptops older than five years may be due for replacement.`,
  },
  {
    key: 'disk-full-ja',
    language: 'ja',
    title: 'C ドライブの空き容量が足りない（ディスクがいっぱい）',
    categoryCode: 'devices.pc',
    tags: ['ディスク', '容量', 'ストレージ'],
    audience: 'employees',
    body: `「ディスク領域が不足しています」と表示される、ファイルを保存できない、Windows Update が失敗するときは、C ドライブの空き容量が不足しています。

## 空き容量を確認する

エクスプローラーで「PC」を開くと、C ドライブの空き容量が表示されます。**10 GB 以下** の場合は整理してください。

## 容量を空ける

1. **ダウンロードフォルダ** の不要なファイル（インストーラー、古い資料）を削除します。
2. **ごみ箱を空にします**。
3. 「設定」→「システム」→「記憶域」→「一時ファイル」で、一時ファイルと Windows Update のクリーンアップを削除します。
4. 大きなファイル（動画、バックアップ）は **OneDrive** に移動し、「空き容量を増やす」でオンラインのみにします。
5. 使っていないアプリをアンインストールします（「設定」→「アプリ」）。

## 注意

- Windows や Program Files フォルダの中のファイルは削除しないでください。
- 業務データは PC だけに保存せず、OneDrive または共有フォルダに保存してください。PC が故障するとデータを復元できません。

それでも容量が足りない場合は、サービスデスクに連絡してください。ディスクの大きい PC への交換を検討します。`,
  },
  {
    key: 'disk-full-en',
    language: 'en',
    translationOf: 'disk-full-ja',
    title: 'Disk full: not enough space on drive C',
    categoryCode: 'devices.pc',
    tags: ['disk', 'storage', 'space'],
    audience: 'employees',
    body: `"Low disk space" warnings, files that will not save and failing Windows Updates all mean drive C is nearly full.

## Check free space

Open File Explorer → **This PC** to see the free space on drive C. Below **10 GB**, clean up.

## Free up space

1. Delete what you no longer need from the **Downloads** folder (installers, old documents).
2. **Empty the Recycle Bin**.
3. Go to **Settings → System → Storage → Temporary files** and remove temporary files and Windows Update cleanup.
4. Move large files (videos, backups) to **OneDrive** and choose **Free up space** so they are kept online only.
5. Uninstall apps you do not use (**Settings → Apps**).

## Careful

- Never delete files inside the Windows or Program Files folders.
- Keep work files in OneDrive or a shared folder, not only on the laptop: if the disk fails they cannot be recovered.

If you still run out of space, contact the service desk; we may swap your laptop for one with a bigger disk.`,
  },
  {
    key: 'external-monitor-ja',
    language: 'ja',
    title: '外付けモニターが映らない・認識されない',
    categoryCode: 'devices.peripherals',
    tags: ['モニター', 'ディスプレイ', 'ドッキングステーション'],
    audience: 'employees',
    body: `ノート PC に外付けモニターをつないでも画面が映らない、「信号なし」と表示されるときは、次を確認してください。

1. **ケーブルを挿し直す**：モニター側と PC（またはドッキングステーション）側の両方を抜いて挿し直します。HDMI・USB-C・DisplayPort のどれでつないでいるか確認してください。
2. **モニターの入力切替**：モニターのボタンで入力（HDMI1、HDMI2、DisplayPort など）を、ケーブルを挿した端子に合わせます。
3. **表示モードを切り替える**：**Windows キー + P** を押し、「拡張」または「複製」を選びます。
4. **ディスプレイ設定で検出する**：デスクトップを右クリック →「ディスプレイ設定」→「複数のディスプレイ」→「検出」を押します。
5. **ドッキングステーションを使っている場合**：ドックの電源アダプターがつながっているか確認し、ドックと PC をつなぐケーブルを挿し直します。
6. PC を再起動します。

## 解像度や文字の大きさがおかしい

「ディスプレイ設定」でモニターを選び、「ディスプレイの解像度」を「推奨」に、「拡大/縮小」を 100〜150% にします。

別のケーブルやモニターでも映らない場合は、PC の端子またはドックの故障の可能性があります。席の番号とモニターの型番を添えてサービスデスクに連絡してください。`,
  },
  {
    key: 'external-monitor-en',
    language: 'en',
    translationOf: 'external-monitor-ja',
    title: 'External monitor not detected or showing no signal',
    categoryCode: 'devices.peripherals',
    tags: ['monitor', 'display', 'docking station'],
    audience: 'employees',
    body: `If an external monitor stays black or says "No signal" when connected to your laptop, check the following.

1. **Reseat the cable** at both ends (monitor and laptop or docking station). Note whether it is HDMI, USB-C or DisplayPort.
2. **Select the monitor input**: use the monitor's buttons to pick the input (HDMI1, HDMI2, DisplayPort ...) that the cable is plugged into.
3. **Switch the projection mode**: press **Windows key + P** and choose **Extend** or **Duplicate**.
4. **Detect the display**: right-click the desktop → **Display settings** → **Multiple displays** → **Detect**.
5. **Using a docking station?** Check that the dock's own power adapter is connected, and reseat the cable between dock and laptop.
6. Restart the laptop.

## Wrong resolution or text too small/large

In **Display settings** select the monitor, set **Display resolution** to the recommended value and **Scale** to 100–150 %.

If another cable or monitor does not work either, the laptop's port or the dock may be faulty: contact the service desk with your desk number and the monitor model.`,
  },
  {
    key: 'keyboard-mouse-ja',
    language: 'ja',
    title: 'キーボード・マウスが反応しない',
    categoryCode: 'devices.peripherals',
    tags: ['キーボード', 'マウス', 'Bluetooth'],
    audience: 'employees',
    body: `キーボードやマウスが効かない、カーソルが動かないときは、次を試してください。

## 有線（USB）の場合

1. USB ケーブルを抜き、別の USB ポートに挿します。ドッキングステーション経由の場合は PC 本体のポートに直接挿します。
2. PC を再起動します。

## ワイヤレス（USB レシーバー）の場合

1. **電池を交換** します。電池残量が少ないと、反応が遅れたり途切れたりします。
2. 本体裏の電源スイッチがオンになっているか確認します。
3. USB レシーバーを PC 本体のポートに挿し直します。金属の机やモニターの裏は電波を遮ることがあります。

## Bluetooth の場合

1. 「設定」→「Bluetooth とデバイス」で Bluetooth がオンになっているか確認します。
2. 一覧からデバイスを削除し、デバイスをペアリングモードにして「デバイスの追加」からつなぎ直します。

## 一部のキーだけおかしい

- 数字が入力できない：**NumLock** キーを押します。
- 英字が大文字になる：**CapsLock**（Shift + CapsLock）を確認します。
- 「@」や記号の位置が違う：キーボードの配列（日本語／英語）の設定を確認します。

交換が必要な場合は、サービスデスクに連絡してください。予備のキーボード・マウスをお渡しします。`,
  },
  {
    key: 'keyboard-mouse-en',
    language: 'en',
    translationOf: 'keyboard-mouse-ja',
    title: 'Keyboard or mouse not working',
    categoryCode: 'devices.peripherals',
    tags: ['keyboard', 'mouse', 'Bluetooth'],
    audience: 'employees',
    body: `If your keyboard does not type or the mouse pointer does not move, try the following.

## Wired (USB)

1. Unplug the USB cable and plug it into another port. If it goes through a docking station, plug it straight into the laptop.
2. Restart the PC.

## Wireless (USB receiver)

1. **Replace the batteries**: low batteries cause lag and drop-outs.
2. Check the power switch underneath is on.
3. Plug the USB receiver straight into the laptop. Metal desks and the back of monitors can block the signal.

## Bluetooth

1. Check Bluetooth is on in **Settings → Bluetooth & devices**.
2. Remove the device from the list, put it into pairing mode and add it again with **Add device**.

## Only some keys are wrong

- Numbers do not type: press **Num Lock**.
- Everything comes out in capitals: check **Caps Lock**.
- Symbols such as @ are in the wrong place: check the keyboard layout (Japanese or English) in the language settings.

If it needs replacing, contact the service desk: we keep spare keyboards and mice.`,
  },
  {
    key: 'printer-cannot-print-ja',
    language: 'ja',
    title: 'プリンター（複合機）で印刷できない',
    categoryCode: 'devices.printer',
    tags: ['プリンター', '印刷', '複合機'],
    audience: 'employees',
    body: `印刷ボタンを押しても出てこないときは、次を確認してください。

## 1. 複合機本体を確認する

- 操作パネルにエラー（用紙切れ、トナー切れ、紙詰まり）が出ていないか確認します。
- **紙詰まり** は、パネルの図に従ってカバーを開けて取り除きます。無理に引っ張らないでください。
- トナーの交換は総務部の在庫を使ってください。

## 2. 印刷キューを確認する

1. 「設定」→「Bluetooth とデバイス」→「プリンターとスキャナー」で使っているプリンターを選び、「印刷キューを開く」を押します。
2. 止まっているジョブがあれば右クリックして「キャンセル」し、もう一度印刷します。
3. プリンターが「オフライン」と表示される場合は、PC を再起動します。

## 3. 正しいプリンターを選んでいるか

フロアを移動した場合は、そのフロアの複合機を選びます。一覧にない場合は「プリンターを追加」から \`\\\\print01\` の一覧で追加します（例：\`\\\\print01\\3F-MFP\`）。

## 4. 社外・在宅勤務のとき

社内の複合機には VPN 接続中でも印刷できません。出社時に印刷するか、PDF で保存してください。

## セキュリティ印刷

「セキュリティ印刷」で送った文書は、複合機に社員証をかざすまで出てきません。

解決しない場合は、複合機の名前（本体のラベル）とエラーの内容をサービスデスクに伝えてください。`,
  },
  {
    key: 'printer-cannot-print-en',
    language: 'en',
    translationOf: 'printer-cannot-print-ja',
    title: 'Cannot print to the office printer',
    categoryCode: 'devices.printer',
    tags: ['printer', 'printing', 'MFP'],
    audience: 'employees',
    body: `If nothing comes out when you print, check the following.

## 1. Check the printer itself

- Look for an error on the control panel (out of paper, toner empty, paper jam).
- Clear a **paper jam** by opening the covers shown on the panel; do not yank the paper.
- Replacement toner is kept by General Affairs.

## 2. Check the print queue

1. Open **Settings → Bluetooth & devices → Printers & scanners**, select your printer and choose **Open print queue**.
2. Right-click any stuck job, choose **Cancel**, and print again.
3. If the printer shows as **Offline**, restart your PC.

## 3. Is it the right printer?

After moving floors, pick that floor's printer. If it is missing, choose **Add a printer** and add it from \`\\\\print01\` (for example \`\\\\print01\\3F-MFP\`).

## 4. Working from home

Office printers cannot be used over the VPN. Print when you are in the office, or save as PDF.

## Secure print

Jobs sent with **Secure print** only come out after you tap your ID card on the printer.

If it still fails, tell the service desk the printer's name (label on the device) and the error shown.`,
  },
];
