import type { SeedArticle } from './seed-articles';

/** Passwords, lock-outs and multi-factor authentication. */
export const SEED_ARTICLES_ACCOUNTS: readonly SeedArticle[] = [
  {
    key: 'password-reset-ja',
    language: 'ja',
    title: 'パスワードを忘れたとき・変更したいとき',
    categoryCode: 'accounts.password',
    tags: ['パスワード', 'サインイン', 'セルフサービス'],
    audience: 'employees',
    body: `社内システム（PC のサインイン、メール、Teams など）は共通のアカウントとパスワードを使います。パスワードを忘れた場合も、サービスデスクに連絡せずに自分でリセットできます。

## パスワードを忘れた場合（セルフサービスでリセット）

1. スマートフォンまたは別の PC のブラウザで **パスワードリセットページ**（https://aka.ms/sspr）を開きます。
2. 会社のメールアドレスと、画面に表示された文字を入力します。
3. 登録済みの方法（認証アプリ、SMS、個人のメールアドレス）で本人確認をします。
4. 新しいパスワードを 2 回入力して保存します。

リセット後、PC には新しいパスワードでサインインしてください。社外で PC を使っている場合は、先に VPN に接続すると PC にも新しいパスワードが反映されます。

## パスワードを変更したい場合

PC で **Ctrl + Alt + Del** を押し、「パスワードの変更」を選びます。古いパスワードと新しいパスワードを入力します。

## パスワードのルール

- 12 文字以上で、英大文字・英小文字・数字・記号のうち 3 種類以上を含める
- 過去 5 回に使ったパスワードは使えません
- パスワードの有効期限は 180 日です。期限の 14 日前から通知が表示されます

## うまくいかないとき

- 本人確認の方法を登録していない場合はセルフサービスが使えません。サービスデスクに連絡してください（本人確認のため社員番号をお伺いします）。
- 何度も間違えてアカウントがロックされた場合は「アカウントがロックされたとき」の記事を参照してください。`,
  },
  {
    key: 'password-reset-en',
    language: 'en',
    translationOf: 'password-reset-ja',
    title: 'Forgot your password or want to change it',
    categoryCode: 'accounts.password',
    tags: ['password', 'sign-in', 'self-service'],
    audience: 'employees',
    body: `One account and password is used for everything at work (signing in to your PC, email, Teams and so on). If you forget your password you can reset it yourself, without calling the service desk.

## Forgot your password (self-service reset)

1. On your phone or another computer, open the **password reset page** (https://aka.ms/sspr) in a browser.
2. Enter your work email address and the characters shown on the screen.
3. Verify your identity with a method you registered (authenticator app, text message or personal email).
4. Type the new password twice and save it.

Then sign in to your PC with the new password. If you are working off-site, connect to the VPN first so that your laptop picks up the new password.

## Change your password

On your PC press **Ctrl + Alt + Del** and choose **Change a password**. Enter the old password, then the new one.

## Password rules

- At least 12 characters, with three of: upper-case letters, lower-case letters, digits, symbols
- You cannot reuse any of your last 5 passwords
- Passwords expire after 180 days; a reminder appears 14 days before

## If it does not work

- Without a registered verification method you cannot use self-service. Contact the service desk (we will ask for your employee number to confirm who you are).
- If you typed a wrong password too often and your account is locked, see "Account locked out".`,
  },
  {
    key: 'account-locked-ja',
    language: 'ja',
    title: 'アカウントがロックされたとき',
    categoryCode: 'accounts.password',
    tags: ['アカウント', 'ロック', 'パスワード'],
    audience: 'employees',
    body: `パスワードを続けて 5 回間違えると、不正アクセスを防ぐためにアカウントが **30 分間ロック** されます。「アカウントがロックされています」「参照されたアカウントは現在ロックアウトされています」と表示された場合はこの状態です。

## 対処方法

1. **30 分待つ**：ロックは自動で解除されます。その後、正しいパスワードでサインインしてください。
2. **すぐに使いたい場合**：パスワードリセットページ（https://aka.ms/sspr）で「アカウントのロック解除」を選ぶと、本人確認の後すぐに解除できます。
3. パスワードを忘れている場合は、同じページでパスワードをリセットしてください。

## 何度もロックされる場合

古いパスワードがどこかに残っていて、自動でサインインを試み続けている可能性があります。パスワードを変更した後は、次を確認してください。

- スマートフォンのメールアプリ（会社のメールを設定している場合）
- Wi-Fi の社内ネットワーク設定（社内 Wi-Fi にアカウントでつないでいる場合）
- ネットワークドライブの資格情報（Windows の資格情報マネージャー）

それでもロックが繰り返される場合は、サービスデスクに連絡してください。ロックされた時刻を伝えていただくと調査が早くなります。`,
  },
  {
    key: 'account-locked-en',
    language: 'en',
    translationOf: 'account-locked-ja',
    title: 'Account locked out',
    categoryCode: 'accounts.password',
    tags: ['account', 'lockout', 'password'],
    audience: 'employees',
    body: `After 5 wrong passwords in a row your account is **locked for 30 minutes** to stop anyone guessing it. Messages such as "Your account has been locked" or "The referenced account is currently locked out" mean this has happened.

## What to do

1. **Wait 30 minutes**: the lock is released automatically. Then sign in with the correct password.
2. **Need it now?** On the password reset page (https://aka.ms/sspr) choose **Unlock my account**; after verifying your identity the account is unlocked at once.
3. If you have forgotten the password, reset it on the same page.

## Locked again and again

Usually an old password is saved somewhere and keeps trying to sign in. After a password change, check:

- the mail app on your phone (if it has your work email)
- the office Wi-Fi profile on your laptop or phone (if it signs in with your account)
- saved credentials for network drives (Windows Credential Manager)

If the account still keeps locking, contact the service desk and tell us roughly when it was locked; that speeds up the investigation.`,
  },
  {
    key: 'mfa-authenticator-ja',
    language: 'ja',
    title: '多要素認証（認証アプリ）の設定と、スマホを機種変更するとき',
    categoryCode: 'accounts.mfa',
    tags: ['多要素認証', 'MFA', 'Authenticator', 'スマートフォン'],
    audience: 'employees',
    body: `社外からのサインインには、パスワードに加えてスマートフォンの **Microsoft Authenticator** アプリによる承認（多要素認証、MFA）が必要です。

## 初めて設定する

1. スマートフォンに Microsoft Authenticator をインストールします（App Store / Google Play）。
2. PC のブラウザで https://mysignins.microsoft.com/security-info を開き、会社のアカウントでサインインします。
3. 「サインイン方法の追加」→「認証アプリ」を選び、画面の QR コードをアプリで読み取ります。
4. テスト通知を承認すれば設定完了です。

## スマホを機種変更する・新しいスマホに移行する

**古いスマホを初期化・下取りに出す前に** 行ってください。

1. 新しいスマホに Authenticator をインストールします。
2. PC で上記のセキュリティ情報ページを開き、新しいスマホを「認証アプリ」として追加します。
3. 新しいスマホで承認できることを確認してから、古いスマホの登録を削除します。

iPhone 同士・Android 同士であれば、アプリのバックアップ機能で移行できる場合もありますが、会社アカウントは再登録が必要なことがあります。

## 古いスマホがもう手元にない・承認できない

紛失や故障で承認できない場合は、サービスデスクに連絡してください。本人確認の後、登録をリセットします。その後、上の手順で新しいスマホを登録してください。

> 心当たりのない承認要求が届いたら、**絶対に承認せず**「拒否」を選び、セキュリティ窓口に報告してください。`,
  },
  {
    key: 'mfa-authenticator-en',
    language: 'en',
    translationOf: 'mfa-authenticator-ja',
    title: 'Set up multi-factor authentication (authenticator app) or move it to a new phone',
    categoryCode: 'accounts.mfa',
    tags: ['MFA', 'authenticator', 'smartphone'],
    audience: 'employees',
    body: `Signing in from outside the office needs your password plus an approval in the **Microsoft Authenticator** app on your phone (multi-factor authentication, MFA).

## First-time setup

1. Install Microsoft Authenticator on your phone (App Store / Google Play).
2. On your PC open https://mysignins.microsoft.com/security-info and sign in with your work account.
3. Choose **Add sign-in method** → **Authenticator app** and scan the QR code with the app.
4. Approve the test notification. Done.

## Getting a new phone

Do this **before you reset or trade in the old phone**.

1. Install Authenticator on the new phone.
2. On your PC open the security info page above and add the new phone as an authenticator app.
3. Check that you can approve a sign-in on the new phone, then delete the old phone from the list.

Moving between two iPhones or two Android phones can work with the app's backup feature, but work accounts often still have to be added again.

## Old phone lost, broken or not approving

If you cannot approve sign-ins because the phone is lost or broken, contact the service desk. After confirming who you are we reset your registration, and you add the new phone with the steps above.

> If you get an approval request you did not start, **never approve it**: choose Deny and report it to the security team.`,
  },
];
