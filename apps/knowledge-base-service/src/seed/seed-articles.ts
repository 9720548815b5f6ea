import { ArticleAudience, ArticleLanguage } from '@helpdesk/contracts';
import { SEED_ARTICLES_ACCOUNTS } from './seed-articles.accounts';
import { SEED_ARTICLES_DEVICES } from './seed-articles.devices';
import { SEED_ARTICLES_COLLABORATION } from './seed-articles.collaboration';
import { SEED_ARTICLES_FILES_AND_SOFTWARE } from './seed-articles.files-and-software';
import { SEED_ARTICLES_NETWORK } from './seed-articles.network';
import { SEED_ARTICLES_STAFF } from './seed-articles.staff';

/** A starter article: the seeder publishes each once, keyed by `key`, through the normal publish path. */
export interface SeedArticle {
  /** Stable slug, e.g. `vpn-cannot-connect-ja`. */
  key: string;
  language: ArticleLanguage;
  /** Key of the other-language version this one translates. */
  translationOf?: string;
  title: string;
  /** Markdown. */
  body: string;
  categoryCode: string;
  tags: string[];
  audience: ArticleAudience;
}

export interface SeedCategory {
  code: string;
  parentCode?: string;
  nameJa: string;
  nameEn: string;
}

/** The category tree of the seed articles (two levels; parents first). */
export const SEED_CATEGORIES: readonly SeedCategory[] = [
  { code: 'accounts', nameJa: 'アカウント・サインイン', nameEn: 'Accounts and sign-in' },
  { code: 'accounts.password', parentCode: 'accounts', nameJa: 'パスワード・ロック', nameEn: 'Passwords and lock-outs' },
  { code: 'accounts.mfa', parentCode: 'accounts', nameJa: '多要素認証', nameEn: 'Multi-factor authentication' },
  { code: 'network', nameJa: 'ネットワーク', nameEn: 'Network' },
  { code: 'network.vpn', parentCode: 'network', nameJa: 'VPN・リモート接続', nameEn: 'VPN and remote access' },
  { code: 'network.wifi', parentCode: 'network', nameJa: 'Wi-Fi', nameEn: 'Wi-Fi' },
  { code: 'devices', nameJa: 'PC・周辺機器', nameEn: 'PCs and devices' },
  { code: 'devices.pc', parentCode: 'devices', nameJa: 'PC 本体', nameEn: 'PCs' },
  {
    code: 'devices.peripherals',
    parentCode: 'devices',
    nameJa: 'モニター・キーボード・マウス',
    nameEn: 'Monitors, keyboards and mice',
  },
  { code: 'devices.printer', parentCode: 'devices', nameJa: 'プリンター・複合機', nameEn: 'Printers' },
  { code: 'collaboration', nameJa: 'メール・Teams', nameEn: 'Email and Teams' },
  { code: 'collaboration.outlook', parentCode: 'collaboration', nameJa: 'Outlook・メール', nameEn: 'Outlook and email' },
  { code: 'collaboration.teams', parentCode: 'collaboration', nameJa: 'Teams・Web 会議', nameEn: 'Teams and online meetings' },
  { code: 'files', nameJa: 'ファイル・ストレージ', nameEn: 'Files and storage' },
  { code: 'files.shared', parentCode: 'files', nameJa: '共有フォルダ', nameEn: 'Shared folders' },
  { code: 'files.onedrive', parentCode: 'files', nameJa: 'OneDrive', nameEn: 'OneDrive' },
  { code: 'software', nameJa: 'ソフトウェア', nameEn: 'Software' },
  { code: 'software.install', parentCode: 'software', nameJa: 'インストール・ライセンス', nameEn: 'Installation and licences' },
  { code: 'software.browser', parentCode: 'software', nameJa: 'ブラウザ', nameEn: 'Browsers' },
  { code: 'security', nameJa: 'セキュリティ', nameEn: 'Security' },
  { code: 'security.phishing', parentCode: 'security', nameJa: '不審なメール', nameEn: 'Suspicious email' },
  { code: 'it-procedures', nameJa: 'IT 部門向け手順', nameEn: 'IT staff procedures' },
];

/** The starter knowledge base: the problems employees meet most, in Japanese and English, and a few procedures for IT staff. */
export const SEED_ARTICLES: readonly SeedArticle[] = [
  ...SEED_ARTICLES_ACCOUNTS,
  ...SEED_ARTICLES_NETWORK,
  ...SEED_ARTICLES_DEVICES,
  ...SEED_ARTICLES_COLLABORATION,
  ...SEED_ARTICLES_FILES_AND_SOFTWARE,
  ...SEED_ARTICLES_STAFF,
];
