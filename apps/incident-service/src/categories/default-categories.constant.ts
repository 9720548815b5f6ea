/** A category of the seed: top level with its subcategories (codes `parent.child`). */
export interface DefaultCategory {
  code: string;
  nameJa: string;
  nameEn: string;
  /** False for hardware break/fix and on-site work: net FCR leaves them out (itil.md). */
  firstLevelResolvable: boolean;
  subcategories: Array<{ code: string; nameJa: string; nameEn: string }>;
}

/** The categories seeded into an empty table (SEED_REFERENCE_DATA); sortOrder follows this order. */
export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  {
    code: 'hardware',
    nameJa: 'ハードウェア',
    nameEn: 'Hardware',
    firstLevelResolvable: false,
    subcategories: [
      { code: 'pc', nameJa: 'デスクトップPC', nameEn: 'Desktop PC' },
      { code: 'laptop', nameJa: 'ノートPC', nameEn: 'Laptop' },
      { code: 'printer', nameJa: 'プリンター・複合機', nameEn: 'Printer and multifunction device' },
      { code: 'monitor', nameJa: 'モニター', nameEn: 'Monitor' },
      { code: 'peripherals', nameJa: '周辺機器（キーボード・マウス等）', nameEn: 'Peripherals (keyboard, mouse, …)' },
    ],
  },
  {
    code: 'software',
    nameJa: 'ソフトウェア',
    nameEn: 'Software',
    firstLevelResolvable: true,
    subcategories: [
      { code: 'install', nameJa: 'インストール・更新', nameEn: 'Installation and updates' },
      { code: 'error', nameJa: 'エラー・動作不良', nameEn: 'Errors and crashes' },
      { code: 'license', nameJa: 'ライセンス', nameEn: 'Licences' },
      { code: 'office', nameJa: 'Office（Word・Excel・PowerPoint）', nameEn: 'Office (Word, Excel, PowerPoint)' },
    ],
  },
  {
    code: 'network',
    nameJa: 'ネットワーク',
    nameEn: 'Network',
    firstLevelResolvable: true,
    subcategories: [
      { code: 'vpn', nameJa: 'VPN', nameEn: 'VPN' },
      { code: 'wifi', nameJa: '無線LAN（Wi-Fi）', nameEn: 'Wi-Fi' },
      { code: 'wired', nameJa: '有線LAN', nameEn: 'Wired network' },
      { code: 'internet', nameJa: 'インターネット接続', nameEn: 'Internet access' },
    ],
  },
  {
    code: 'account',
    nameJa: 'アカウント・ID／アクセス管理',
    nameEn: 'Account, identity and access',
    firstLevelResolvable: true,
    subcategories: [
      { code: 'password', nameJa: 'パスワード', nameEn: 'Password' },
      { code: 'mfa', nameJa: '多要素認証（MFA）', nameEn: 'Multi-factor authentication (MFA)' },
      { code: 'login', nameJa: 'ログイン', nameEn: 'Sign-in' },
      { code: 'permission', nameJa: 'アクセス権限', nameEn: 'Access permissions' },
    ],
  },
  { code: 'email', nameJa: 'メール', nameEn: 'E-mail', firstLevelResolvable: true, subcategories: [] },
  { code: 'phone', nameJa: '電話', nameEn: 'Phone', firstLevelResolvable: true, subcategories: [] },
  { code: 'other', nameJa: 'その他', nameEn: 'Other', firstLevelResolvable: true, subcategories: [] },
];
