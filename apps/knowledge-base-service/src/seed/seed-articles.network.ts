import type { SeedArticle } from './seed-articles';

/** VPN and Wi-Fi. */
export const SEED_ARTICLES_NETWORK: readonly SeedArticle[] = [
  {
    key: 'vpn-cannot-connect-ja',
    language: 'ja',
    title: 'VPN に接続できないとき',
    categoryCode: 'network.vpn',
    tags: ['VPN', 'リモートワーク', 'GlobalProtect'],
    audience: 'employees',
    body: `在宅勤務や出張先から社内システムを使うには、VPN クライアント（GlobalProtect）で社内ネットワークに接続します。つながらないときは、次の順に確認してください。

## 1. インターネットにつながっているか

ブラウザで社外のサイト（例：https://www.yahoo.co.jp）が表示されるか確認します。表示されない場合は VPN ではなく、自宅の Wi-Fi やテザリングの問題です。ホテルや駅の Wi-Fi では、ブラウザでログインページに同意してから VPN を接続してください。

## 2. VPN クライアントをつなぎ直す

1. タスクバーの GlobalProtect アイコンをクリックし、「切断」を押します。
2. 10 秒ほど待ってから「接続」を押します。
3. ポータルが **vpn.example.co.jp** になっているか確認します。

## 3. サインインと多要素認証

- パスワードを最近変更した場合は、新しいパスワードを入力してください。
- スマートフォンの Authenticator に承認通知が届くので、承認します。通知が来ない場合はアプリを開いて確認してください。

## 4. PC を再起動する

それでもつながらない場合は PC を再起動し、もう一度接続します。

## よくあるエラー

| 表示 | 原因と対処 |
|---|---|
| 「ゲートウェイに接続できません」 | インターネット接続を確認。ほかの Wi-Fi やテザリングで試す |
| 「認証に失敗しました」 | パスワードの誤り、またはアカウントのロック |
| 接続後すぐ切れる | 公共 Wi-Fi の制限の可能性。テザリングで試す |

解決しない場合は、エラー画面のスクリーンショットと、接続しようとした場所（自宅・ホテルなど）をサービスデスクに伝えてください。`,
  },
  {
    key: 'vpn-cannot-connect-en',
    language: 'en',
    translationOf: 'vpn-cannot-connect-ja',
    title: 'Cannot connect to the VPN',
    categoryCode: 'network.vpn',
    tags: ['VPN', 'remote work', 'GlobalProtect'],
    audience: 'employees',
    body: `To use internal systems from home or while travelling you connect to the company network with the VPN client (GlobalProtect). If it does not connect, check these in order.

## 1. Is the internet working?

Open an outside website (e.g. https://www.bbc.com) in your browser. If it does not load, the problem is your home Wi-Fi or hotspot, not the VPN. On hotel or station Wi-Fi, accept the login page in the browser first, then connect the VPN.

## 2. Reconnect the VPN client

1. Click the GlobalProtect icon in the taskbar and choose **Disconnect**.
2. Wait about 10 seconds and choose **Connect**.
3. Check that the portal is **vpn.example.co.jp**.

## 3. Sign-in and MFA

- If you changed your password recently, type the new one.
- Approve the notification in the Authenticator app on your phone. If none arrives, open the app and check.

## 4. Restart the PC

If it still fails, restart your laptop and try again.

## Common errors

| Message | Cause and fix |
|---|---|
| "Unable to connect to the gateway" | Check your internet connection; try another Wi-Fi or your phone's hotspot |
| "Authentication failed" | Wrong password, or your account is locked |
| Connects, then drops at once | Public Wi-Fi may block VPN; try tethering |

If nothing helps, send the service desk a screenshot of the error and where you were connecting from (home, hotel, ...).`,
  },
  {
    key: 'wifi-problems-ja',
    language: 'ja',
    title: '社内 Wi-Fi につながらない・すぐ切れる',
    categoryCode: 'network.wifi',
    tags: ['Wi-Fi', '無線LAN', 'ネットワーク'],
    audience: 'employees',
    body: `オフィスでは社員用 Wi-Fi **CORP-WIFI** を使います（来客用の GUEST-WIFI からは社内システムに接続できません）。

## つながらないとき

1. PC の Wi-Fi がオンになっているか確認します（機内モードがオフになっているか、キーボードの Wi-Fi キーも確認）。
2. タスクバーのネットワークアイコンから **CORP-WIFI** を選んで接続します。サインインを求められたら会社のアカウントとパスワードを入力します。
3. つながらない場合は「既知のネットワークの管理」で CORP-WIFI を「削除（忘れる）」してから、もう一度接続します。
4. PC を再起動します。

## すぐ切れる・遅いとき

- 会議室の奥や階段付近は電波が弱い場所があります。席を移動して改善するか確認してください。
- 同じ場所のほかの人も遅い場合は、アクセスポイントの障害の可能性があります。場所（フロア・会議室名）を添えてサービスデスクに連絡してください。
- 自分だけが切れる場合は、Windows Update と無線 LAN ドライバーの更新をしてから再起動してください。

## パスワードを変更した後につながらない

Wi-Fi の設定に古いパスワードが残っていると接続できず、アカウントのロックの原因にもなります。CORP-WIFI を削除して新しいパスワードで接続し直してください。スマートフォンを CORP-WIFI に接続している場合も同様です。`,
  },
  {
    key: 'wifi-problems-en',
    language: 'en',
    translationOf: 'wifi-problems-ja',
    title: 'Office Wi-Fi does not connect or keeps dropping',
    categoryCode: 'network.wifi',
    tags: ['Wi-Fi', 'wireless', 'network'],
    audience: 'employees',
    body: `In the office use the staff Wi-Fi **CORP-WIFI** (the visitors' GUEST-WIFI cannot reach internal systems).

## It does not connect

1. Check that Wi-Fi is on (airplane mode off; some laptops also have a Wi-Fi key).
2. Click the network icon in the taskbar, choose **CORP-WIFI** and connect. When asked, sign in with your work account and password.
3. Still failing? Open **Manage known networks**, choose CORP-WIFI → **Forget**, then connect again.
4. Restart the laptop.

## It keeps dropping or is slow

- Signal is weak in some spots (far ends of meeting rooms, near stairs). See whether moving helps.
- If colleagues in the same place have the same problem, an access point may be down: contact the service desk with the floor and room name.
- If only your laptop drops, install Windows Update and the latest wireless driver, then restart.

## It stopped working after a password change

An old password saved in the Wi-Fi profile fails to connect and can also lock your account. Forget CORP-WIFI and connect again with the new password. Do the same on your phone if it uses CORP-WIFI.`,
  },
];
