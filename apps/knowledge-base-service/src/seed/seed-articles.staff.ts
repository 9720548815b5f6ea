import type { SeedArticle } from './seed-articles';

/** Procedures for IT staff only (audience it_staff): employees never see them. */
export const SEED_ARTICLES_STAFF: readonly SeedArticle[] = [
  {
    key: 'ad-account-unlock-ja',
    language: 'ja',
    title: '【IT 部門向け】AD アカウントのロック解除手順',
    categoryCode: 'it-procedures',
    tags: ['Active Directory', 'ロック解除', '手順'],
    audience: 'it_staff',
    body: `利用者から「アカウントがロックされた」と連絡を受けたときの、サービスデスク担当者向けの手順です。

## 1. 本人確認

電話の場合は、**社員番号と生年月日** を確認し、人事システムの登録内容と照合します。確認できない場合は解除せず、上長経由での依頼に切り替えます。

## 2. ロック状態の確認

\`\`\`powershell
Get-ADUser -Identity <ユーザー名> -Properties LockedOut, BadLogonCount, LastBadPasswordAttempt
\`\`\`

LockedOut が True であることを確認します。LastBadPasswordAttempt の時刻を控えておきます。

## 3. ロック解除

\`\`\`powershell
Unlock-ADAccount -Identity <ユーザー名>
\`\`\`

GUI の場合は「Active Directory ユーザーとコンピューター」でユーザーを開き、「アカウント」タブの「アカウントのロックを解除する」にチェックを入れます。

## 4. 繰り返しロックされる場合

- ドメインコントローラーのセキュリティログ（イベント ID **4740**）で、ロックの発生元コンピューターを特定します。
- 発生元がスマートフォンや古い PC の場合は、保存された古いパスワードの削除を利用者に案内します。
- 不審な発生元（見覚えのない端末、海外の IP）の場合は、解除せずにセキュリティチームにエスカレーションします。

## 5. 記録

インシデントに、本人確認の方法、ロックの原因、実施した操作を作業メモとして記録してから解決にします。`,
  },
  {
    key: 'ad-account-unlock-en',
    language: 'en',
    translationOf: 'ad-account-unlock-ja',
    title: '[IT staff] Unlocking an AD account',
    categoryCode: 'it-procedures',
    tags: ['Active Directory', 'unlock', 'procedure'],
    audience: 'it_staff',
    body: `Procedure for service desk agents when a user reports a locked account.

## 1. Verify the caller

On the phone, check the **employee number and date of birth** against the HR system. If you cannot verify the caller, do not unlock: ask for the request to come through their manager.

## 2. Check the lock

\`\`\`powershell
Get-ADUser -Identity <username> -Properties LockedOut, BadLogonCount, LastBadPasswordAttempt
\`\`\`

Confirm LockedOut is True and note the LastBadPasswordAttempt time.

## 3. Unlock

\`\`\`powershell
Unlock-ADAccount -Identity <username>
\`\`\`

In the GUI: open the user in **Active Directory Users and Computers**, **Account** tab, tick **Unlock account**.

## 4. If it keeps locking

- Find the source computer in the domain controllers' security log (event ID **4740**).
- If the source is a phone or an old laptop, tell the user how to remove the stale saved password.
- If the source looks suspicious (unknown device, foreign IP address), do not unlock: escalate to the security team.

## 5. Record

Add a work note to the incident with how you verified the caller, the cause of the lock-out and what you did, then resolve it.`,
  },
  {
    key: 'bitlocker-recovery-en',
    language: 'en',
    title: '[IT staff] Giving a user their BitLocker recovery key',
    categoryCode: 'it-procedures',
    tags: ['BitLocker', 'recovery key', 'encryption', 'procedure'],
    audience: 'it_staff',
    body: `A laptop asks for the BitLocker recovery key after a firmware update, a motherboard repair or several wrong PINs. Procedure for agents:

1. **Verify the caller** as for account unlocks (employee number and date of birth).
2. Ask for the **Key ID** shown on the recovery screen (first 8 characters are enough).
3. Find the key: Entra admin center → **Devices → BitLocker keys**, search by the Key ID; or in Active Directory Users and Computers, the computer object's **BitLocker Recovery** tab.
4. Read the 48-digit key to the user in groups of six. Never send it by email or chat.
5. After the laptop starts, ask the user to restart once more to check the prompt does not return. If it does, schedule the laptop for a TPM check.
6. Record in the incident that a recovery key was disclosed (the key is rotated automatically after use).`,
  },
  {
    key: 'bitlocker-recovery-ja',
    language: 'ja',
    translationOf: 'bitlocker-recovery-en',
    title: '【IT 部門向け】BitLocker 回復キーの案内手順',
    categoryCode: 'it-procedures',
    tags: ['BitLocker', '回復キー', '暗号化', '手順'],
    audience: 'it_staff',
    body: `BIOS の更新、マザーボードの修理、PIN の入力ミスなどで、PC の起動時に BitLocker の回復キーを求められることがあります。担当者向けの手順です。

1. アカウントのロック解除と同じく、**社員番号と生年月日** で本人確認をします。
2. 回復画面に表示されている **回復キー ID**（先頭 8 文字で可）を聞き取ります。
3. Entra 管理センターの「デバイス」→「BitLocker キー」でキー ID を検索します。または「Active Directory ユーザーとコンピューター」のコンピューターオブジェクトの「BitLocker 回復」タブで確認します。
4. 48 桁の回復キーを 6 桁ずつ読み上げます。メールやチャットでは送らないでください。
5. 起動後、もう一度再起動して回復画面が出ないことを確認してもらいます。再び出る場合は TPM の点検を手配します。
6. 回復キーを開示したことをインシデントに記録します（使用後のキーは自動で更新されます）。`,
  },
];
