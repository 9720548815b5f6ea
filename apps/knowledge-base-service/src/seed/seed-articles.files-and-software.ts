import type { SeedArticle } from './seed-articles';

/** Shared folders, OneDrive, browsers and software installation. */
export const SEED_ARTICLES_FILES_AND_SOFTWARE: readonly SeedArticle[] = [
  {
    key: 'shared-folder-access-ja',
    language: 'ja',
    title: '共有フォルダにアクセスできない・権限を申請したい',
    categoryCode: 'files.shared',
    tags: ['共有フォルダ', 'アクセス権', 'ファイルサーバ'],
    audience: 'employees',
    body: `部署の共有フォルダ（ファイルサーバ **\\\\fs01**）が開けない、「アクセスが拒否されました」と表示されるときの対処です。

## 開けない・見つからない

1. 社外にいる場合は、先に **VPN に接続** します。共有フォルダは社内ネットワークからしか使えません。
2. エクスプローラーのアドレスバーに \`\\\\fs01\\部署名\` のように直接入力して開きます。
3. ネットワークドライブ（例：Z ドライブ）に赤い × が付いている場合は、ダブルクリックすると再接続されます。
4. パスワードを変更した直後は、PC を再起動するかサインインし直してください。

## 「アクセスが拒否されました」と表示される

フォルダごとにアクセス権が設定されています。必要な場合は権限を申請してください。

1. サービスポータルの「共有フォルダのアクセス権申請」を開きます。
2. フォルダのパス（例：\`\\\\fs01\\営業部\\2025年度\`）、必要な権限（閲覧のみ／編集）、理由を入力します。
3. フォルダの管理者（多くは部署の上長）が承認すると、翌営業日までに設定されます。設定後、一度サインアウトしてサインインし直すと使えるようになります。

## ファイルを誤って削除・上書きした

共有フォルダには 1 時間ごとのスナップショットがあります。フォルダを右クリック →「プロパティ」→「以前のバージョン」から復元できます。見つからない場合は、パスと削除した日時を添えてサービスデスクに連絡してください。`,
  },
  {
    key: 'shared-folder-access-en',
    language: 'en',
    translationOf: 'shared-folder-access-ja',
    title: "Can't open a shared folder or need access to one",
    categoryCode: 'files.shared',
    tags: ['shared folder', 'permissions', 'file server'],
    audience: 'employees',
    body: `What to do when your department's shared folder (file server **\\\\fs01**) will not open or says "Access denied".

## It does not open or cannot be found

1. Off-site? **Connect to the VPN** first: shared folders only work from the company network.
2. Type the path straight into File Explorer's address bar, e.g. \`\\\\fs01\\Sales\`.
3. A network drive (say Z:) with a red cross reconnects when you double-click it.
4. Just changed your password? Restart the PC or sign out and in again.

## "Access denied"

Access is granted per folder. Request it if you need it:

1. In the service portal open **Shared folder access request**.
2. Enter the folder path (e.g. \`\\\\fs01\\Sales\\FY2025\`), the access you need (read only or edit) and why.
3. Once the folder owner (usually the department manager) approves, access is set up by the next business day. Sign out and in again to pick it up.

## Deleted or overwrote a file by mistake

Shared folders keep hourly snapshots: right-click the folder → **Properties → Previous Versions** to restore. If the version you need is not there, contact the service desk with the path and when the file was deleted.`,
  },
  {
    key: 'onedrive-sync-ja',
    language: 'ja',
    title: 'OneDrive が同期しない・同期が止まった',
    categoryCode: 'files.onedrive',
    tags: ['OneDrive', '同期', 'ファイル'],
    audience: 'employees',
    body: `タスクバーの OneDrive アイコン（雲のマーク）に赤い × や一時停止マークが付いている、ほかの PC で保存したファイルが表示されないときの対処です。

## 同期の状態を確認する

タスクバーの雲のアイコンをクリックすると、同期の状態とエラーが表示されます。

- **一時停止中**：「同期の再開」をクリックします。
- **サインインが必要**：会社のアカウントでサインインし直します。
- **雲のアイコンがない**：スタートメニューから OneDrive を起動します。

## よくある原因

- **ファイル名に使えない文字**（\\ / : * ? " < > |）や、パスが長すぎる（400 文字以上）ファイルは同期されません。名前を短くしてください。
- **ファイルが開かれたまま**：Excel などで開いているファイルは、閉じると同期されます。
- **OneDrive の容量がいっぱい**（1 TB）：不要なファイルを削除します。
- **PC のディスクの空き容量が少ない**：ファイルを右クリック →「空き容量を増やす」でオンラインのみにします。

## 同期をリセットする

上記で直らない場合は、OneDrive をリセットします。

1. Windows キー + R を押し、\`%localappdata%\\Microsoft\\OneDrive\\onedrive.exe /reset\` と入力して OK を押します。
2. 数分後に OneDrive が自動で再起動しない場合は、スタートメニューから起動します。

リセットしてもファイルは消えません。ファイルの復元が必要な場合は、Web の OneDrive（https://www.office.com）の「ごみ箱」から 93 日以内であれば戻せます。`,
  },
  {
    key: 'onedrive-sync-en',
    language: 'en',
    translationOf: 'onedrive-sync-ja',
    title: 'OneDrive not syncing',
    categoryCode: 'files.onedrive',
    tags: ['OneDrive', 'sync', 'files'],
    audience: 'employees',
    body: `What to do when the OneDrive cloud icon in the taskbar shows a red cross or a pause sign, or files saved on another computer do not show up.

## Check the sync status

Click the cloud icon in the taskbar to see the status and any errors.

- **Paused**: click **Resume syncing**.
- **Sign-in required**: sign in again with your work account.
- **No cloud icon**: start OneDrive from the Start menu.

## Common causes

- **Characters not allowed in file names** (\\ / : * ? " < > |) or paths that are too long (over 400 characters) do not sync: shorten the name.
- **The file is open**: a workbook open in Excel syncs once you close it.
- **OneDrive storage is full** (1 TB): delete what you do not need.
- **Little free space on the PC**: right-click files → **Free up space** to keep them online only.

## Reset OneDrive

If nothing above helps, reset it:

1. Press Windows key + R, type \`%localappdata%\\Microsoft\\OneDrive\\onedrive.exe /reset\` and press OK.
2. If OneDrive does not restart by itself after a few minutes, start it from the Start menu.

Resetting does not delete your files. Deleted files can be restored from the recycle bin of OneDrive on the web (https://www.office.com) for 93 days.`,
  },
  {
    key: 'browser-problems-ja',
    language: 'ja',
    title: 'ブラウザで社内サイトが表示されない・動作がおかしい',
    categoryCode: 'software.browser',
    tags: ['ブラウザ', 'Edge', 'Chrome', 'キャッシュ'],
    audience: 'employees',
    body: `社内サイトや業務システムのページが表示されない、表示が崩れる、ログインを繰り返すときの対処です。会社の標準ブラウザは **Microsoft Edge** です（Chrome も利用できます）。

## 試すこと

1. **ページを再読み込み** します（Ctrl + F5 で強制的に再読み込み）。
2. **InPrivate ウィンドウで開く**（Ctrl + Shift + N）：表示される場合は、キャッシュや拡張機能が原因です。
3. **キャッシュと Cookie を削除** します：Edge の「設定」→「プライバシー、検索、サービス」→「閲覧データをクリア」で、「キャッシュされた画像とファイル」と「Cookie」を選び、期間を「すべての期間」にして削除します。削除すると、各サイトにもう一度ログインが必要になります。
4. **拡張機能を無効にする**：「拡張機能」の管理から、最近追加したものをオフにします。
5. **ブラウザを最新にする**：「設定」→「Microsoft Edge について」で更新します。

## 社内サイトだけが表示されない

- 社外にいる場合は、VPN に接続してから開いてください。
- 「この接続ではプライバシーが保護されません」（証明書のエラー）と表示される場合は、先に進まずにサービスデスクに連絡してください。

## 古いシステムが Edge で動かない

一部の古い業務システムは「Internet Explorer モード」で開く必要があります。対象のシステムは自動で IE モードになります。ならない場合は、システム名と URL をサービスデスクに連絡してください。`,
  },
  {
    key: 'browser-problems-en',
    language: 'en',
    translationOf: 'browser-problems-ja',
    title: 'Internal website not loading or behaving strangely in the browser',
    categoryCode: 'software.browser',
    tags: ['browser', 'Edge', 'Chrome', 'cache'],
    audience: 'employees',
    body: `What to do when an intranet page or business system does not load, looks broken, or keeps asking you to log in. The standard browser is **Microsoft Edge** (Chrome is allowed too).

## Try this

1. **Reload the page**, forcing it with Ctrl + F5.
2. **Open it in an InPrivate window** (Ctrl + Shift + N): if it works there, the cache or an extension is the cause.
3. **Clear the cache and cookies**: in Edge go to **Settings → Privacy, search, and services → Clear browsing data**, tick "Cached images and files" and "Cookies", choose "All time" and clear. You will have to log in to websites again.
4. **Turn off extensions**: under **Extensions**, switch off anything added recently.
5. **Update the browser**: **Settings → About Microsoft Edge**.

## Only internal sites fail

- Off-site? Connect to the VPN first.
- If you see "Your connection isn't private" (a certificate error), do not continue: contact the service desk.

## An old system does not work in Edge

Some old business systems need **Internet Explorer mode**; the known ones switch to it automatically. If one does not, send the service desk the system's name and address.`,
  },
  {
    key: 'software-install-ja',
    language: 'ja',
    title: 'ソフトウェアのインストールを申請したい',
    categoryCode: 'software.install',
    tags: ['ソフトウェア', 'インストール', '申請', 'ライセンス'],
    audience: 'employees',
    body: `会社の PC では、セキュリティのため管理者権限がなく、ソフトウェアを自分でインストールできません。次の方法でインストールしてください。

## 1. ソフトウェアセンターから入れる（承認不要）

よく使うソフトウェア（Adobe Acrobat Reader、7-Zip、Zoom など）は、スタートメニューの **ソフトウェアセンター** から自分でインストールできます。

1. スタートメニューで「ソフトウェアセンター」を検索して開きます。
2. 一覧からソフトウェアを選び、「インストール」を押します。

## 2. 一覧にないソフトウェアを申請する

1. サービスポータルの「**ソフトウェアのインストール申請**」を開きます。
2. ソフトウェア名、バージョン、入手先（公式サイトの URL）、業務で必要な理由を入力します。
3. 上長の承認後、情報システム部がセキュリティとライセンスを確認します。
4. 問題がなければ、通常 **3〜5 営業日** で PC にインストールされます（有償ソフトの場合はライセンスの購入手続きが必要です）。

## 注意

- インターネットから入手したフリーソフトを、個人の判断でインストールしないでください。
- 個人で購入したライセンスを会社の PC で使うことはできません。
- 試用版の利用も申請が必要です。`,
  },
  {
    key: 'software-install-en',
    language: 'en',
    translationOf: 'software-install-ja',
    title: 'Requesting software installation',
    categoryCode: 'software.install',
    tags: ['software', 'installation', 'request', 'licence'],
    audience: 'employees',
    body: `For security, company PCs do not give you administrator rights, so you cannot install software yourself. Use one of these routes.

## 1. Software Center (no approval needed)

Common software (Adobe Acrobat Reader, 7-Zip, Zoom, ...) can be installed by yourself from **Software Center**.

1. Search for "Software Center" in the Start menu and open it.
2. Pick the application and click **Install**.

## 2. Request software that is not listed

1. In the service portal open **Software installation request**.
2. Enter the name, version, where to get it (official website) and why you need it for your work.
3. After your manager approves, IT checks security and licensing.
4. If all is well it is installed on your PC, usually within **3–5 business days** (paid software needs a licence purchase first).

## Please note

- Do not install free software from the internet on your own.
- Licences bought privately cannot be used on company PCs.
- Trial versions need a request too.`,
  },
];
