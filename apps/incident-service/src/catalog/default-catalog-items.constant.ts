import type { ApprovalPolicy } from '@helpdesk/contracts';
import type { FormField } from './domain/form-schema';
import type { TaskTemplate } from './entities/catalog-item.entity';

export interface CatalogItemSeed {
  code: string;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  category: string;
  formSchema: FormField[];
  approvalPolicy: ApprovalPolicy;
  approvalGroupName: string | null;
  fulfilmentGroupName: string;
  taskTemplates: TaskTemplate[];
}

const businessReason: FormField = {
  key: 'businessReason',
  type: 'textarea',
  labelJa: '業務上の理由',
  labelEn: 'Business reason',
  required: true,
  maxLength: 1000,
};

/**
 * The catalog a new installation starts with (issue 3): groups are named as the identity seed names them
 * and resolved through the directory copy when a request is submitted, so ids need not exist yet.
 */
export const DEFAULT_CATALOG_ITEMS: readonly CatalogItemSeed[] = [
  {
    code: 'password-reset',
    nameJa: 'パスワードリセット',
    nameEn: 'Password reset',
    descriptionJa: 'ログインできなくなったアカウントのパスワードを再設定します。',
    descriptionEn: 'Reset the password of an account you can no longer sign in to.',
    category: 'account',
    formSchema: [
      {
        key: 'account',
        type: 'select',
        labelJa: '対象アカウント',
        labelEn: 'Account',
        required: true,
        options: [
          { value: 'windows', labelJa: 'Windows ログイン', labelEn: 'Windows sign-in' },
          { value: 'email', labelJa: 'メール', labelEn: 'E-mail' },
          { value: 'erp', labelJa: '基幹システム (ERP)', labelEn: 'ERP' },
          { value: 'other', labelJa: 'その他', labelEn: 'Other' },
        ],
      },
      { key: 'note', type: 'textarea', labelJa: '補足', labelEn: 'Notes', required: false, maxLength: 1000 },
    ],
    approvalPolicy: 'none',
    approvalGroupName: null,
    fulfilmentGroupName: 'Identity & Access',
    taskTemplates: [
      { titleJa: '本人確認', titleEn: 'Verify the requester’s identity' },
      { titleJa: 'パスワードを再設定し仮パスワードを通知', titleEn: 'Reset the password and send a temporary one' },
    ],
  },
  {
    code: 'software-install',
    nameJa: 'ソフトウェアのインストール',
    nameEn: 'Software install',
    descriptionJa: '業務で必要なソフトウェアを PC にインストールします。上長の承認が必要です。',
    descriptionEn: 'Install software you need for work on your PC. Needs your manager’s approval.',
    category: 'software',
    formSchema: [
      {
        key: 'software',
        type: 'select',
        labelJa: 'ソフトウェア',
        labelEn: 'Software',
        required: true,
        options: [
          { value: 'visio', labelJa: 'Microsoft Visio', labelEn: 'Microsoft Visio' },
          { value: 'acrobat-pro', labelJa: 'Adobe Acrobat Pro', labelEn: 'Adobe Acrobat Pro' },
          { value: 'tableau', labelJa: 'Tableau Desktop', labelEn: 'Tableau Desktop' },
          { value: 'vscode', labelJa: 'Visual Studio Code', labelEn: 'Visual Studio Code' },
          { value: 'other', labelJa: 'その他 (理由に記入)', labelEn: 'Other (say which in the reason)' },
        ],
      },
      businessReason,
    ],
    approvalPolicy: 'manager',
    approvalGroupName: null,
    fulfilmentGroupName: 'Desktop Support',
    taskTemplates: [
      { titleJa: 'ライセンスの確認', titleEn: 'Check a licence is available' },
      { titleJa: 'ソフトウェアのインストール', titleEn: 'Install the software' },
      { titleJa: '利用者への動作確認', titleEn: 'Confirm with the user that it works' },
    ],
  },
  {
    code: 'new-laptop',
    nameJa: 'ノート PC の新規支給',
    nameEn: 'New laptop',
    descriptionJa: '新しいノート PC を用意します。上長の承認が必要です。',
    descriptionEn: 'Get a new laptop. Needs your manager’s approval.',
    category: 'hardware',
    formSchema: [
      {
        key: 'model',
        type: 'select',
        labelJa: '機種',
        labelEn: 'Model',
        required: true,
        options: [
          { value: 'standard-14', labelJa: '標準モデル (14 インチ)', labelEn: 'Standard (14-inch)' },
          { value: 'developer-16', labelJa: '開発者モデル (16 インチ、メモリ 32 GB)', labelEn: 'Developer (16-inch, 32 GB)' },
          { value: 'ultralight-13', labelJa: '軽量モデル (13 インチ)', labelEn: 'Ultralight (13-inch)' },
        ],
      },
      { key: 'neededBy', type: 'date', labelJa: '希望納期', labelEn: 'Needed by', required: true },
      { key: 'reason', type: 'textarea', labelJa: '理由', labelEn: 'Reason', required: true, maxLength: 1000 },
    ],
    approvalPolicy: 'manager',
    approvalGroupName: null,
    fulfilmentGroupName: 'Desktop Support',
    taskTemplates: [
      { titleJa: '在庫確認・発注', titleEn: 'Check stock or order' },
      { titleJa: 'キッティング (イメージ展開・設定)', titleEn: 'Image and configure' },
      { titleJa: '利用者への引き渡し', titleEn: 'Hand over to the user' },
    ],
  },
  {
    code: 'vpn-access',
    nameJa: 'VPN 利用申請',
    nameEn: 'VPN access',
    descriptionJa: '社外から社内ネットワークに接続するための VPN アカウントを発行します。上長の承認が必要です。',
    descriptionEn: 'Get a VPN account to reach the office network from outside. Needs your manager’s approval.',
    category: 'network',
    formSchema: [businessReason, { key: 'until', type: 'date', labelJa: '利用期限', labelEn: 'Needed until', required: false }],
    approvalPolicy: 'manager',
    approvalGroupName: null,
    fulfilmentGroupName: 'Network',
    taskTemplates: [
      { titleJa: 'VPN アカウントの作成', titleEn: 'Create the VPN account' },
      { titleJa: '接続手順の案内', titleEn: 'Send the connection instructions' },
    ],
  },
  {
    code: 'shared-folder-access',
    nameJa: '共有フォルダのアクセス権',
    nameEn: 'Shared folder access',
    descriptionJa: 'ファイルサーバーの共有フォルダへのアクセス権を付与します。ID・アクセス管理チームの承認が必要です。',
    descriptionEn: 'Get access to a shared folder on the file server. Needs approval by Identity & Access.',
    category: 'access',
    formSchema: [
      {
        key: 'folderPath',
        type: 'text',
        labelJa: 'フォルダのパス',
        labelEn: 'Folder path',
        required: true,
        maxLength: 260,
      },
      {
        key: 'accessLevel',
        type: 'select',
        labelJa: '権限',
        labelEn: 'Access level',
        required: true,
        options: [
          { value: 'read', labelJa: '読み取り', labelEn: 'Read' },
          { value: 'write', labelJa: '読み取り・書き込み', labelEn: 'Read and write' },
        ],
      },
    ],
    approvalPolicy: 'group',
    approvalGroupName: 'Identity & Access',
    fulfilmentGroupName: 'Identity & Access',
    taskTemplates: [
      { titleJa: 'アクセス権の付与', titleEn: 'Grant the access' },
      { titleJa: '利用者への連絡', titleEn: 'Tell the user' },
    ],
  },
];
