import { Role } from '@helpdesk/contracts';

/** A person of the demo company (managers are listed before the people who report to them). */
export interface DemoPerson {
  email: string;
  displayNameJa?: string;
  displayNameEn?: string;
  department: string;
  roles: Role[];
  locale: 'ja' | 'en';
  managerEmail?: string;
  phone?: string;
  /** Set for the one-login-per-role accounts printed by the start script. */
  demoLoginFor?: Role;
}

export interface DemoGroup {
  name: string;
  nameJa: string;
  description: string;
  tier: 1 | 2;
  supervisorEmail: string;
  memberEmails: string[];
}

const IT = '情報システム部';

/** IT staff: one login per role, plus the leads of the specialist groups. */
const IT_STAFF: DemoPerson[] = [
  {
    email: 'admin@example.com',
    displayNameJa: '松本 隆',
    displayNameEn: 'Takashi Matsumoto',
    department: IT,
    roles: ['admin'],
    locale: 'ja',
    phone: '+81-3-5555-0100',
    demoLoginFor: 'admin',
  },
  {
    email: 'supervisor@example.com',
    displayNameJa: '小林 誠',
    displayNameEn: 'Makoto Kobayashi',
    department: IT,
    roles: ['supervisor', 'agent'],
    locale: 'ja',
    managerEmail: 'admin@example.com',
    phone: '+81-3-5555-0101',
    demoLoginFor: 'supervisor',
  },
  {
    email: 'agent@example.com',
    displayNameJa: '鈴木 一郎',
    displayNameEn: 'Ichiro Suzuki',
    department: IT,
    roles: ['agent'],
    locale: 'ja',
    managerEmail: 'supervisor@example.com',
    phone: '+81-3-5555-0102',
    demoLoginFor: 'agent',
  },
  {
    email: 'desktop.lead@example.com',
    displayNameJa: '高橋 健一',
    displayNameEn: 'Kenichi Takahashi',
    department: IT,
    roles: ['specialist', 'supervisor'],
    locale: 'ja',
    managerEmail: 'admin@example.com',
  },
  {
    email: 'network.lead@example.com',
    displayNameJa: '伊藤 直樹',
    displayNameEn: 'Naoki Ito',
    department: IT,
    roles: ['specialist', 'supervisor'],
    locale: 'ja',
    managerEmail: 'admin@example.com',
  },
  {
    email: 'identity.lead@example.com',
    displayNameJa: '渡辺 美咲',
    displayNameEn: 'Misaki Watanabe',
    department: IT,
    roles: ['specialist', 'supervisor'],
    locale: 'ja',
    managerEmail: 'admin@example.com',
  },
  {
    email: 'applications.lead@example.com',
    displayNameJa: '中村 大輔',
    displayNameEn: 'Daisuke Nakamura',
    department: IT,
    roles: ['specialist', 'supervisor'],
    locale: 'en',
    managerEmail: 'admin@example.com',
  },
  {
    email: 'specialist@example.com',
    displayNameJa: '田中 美穂',
    displayNameEn: 'Miho Tanaka',
    department: IT,
    roles: ['specialist'],
    locale: 'ja',
    managerEmail: 'desktop.lead@example.com',
    phone: '+81-3-5555-0103',
    demoLoginFor: 'specialist',
  },
  {
    email: 'problem.manager@example.com',
    displayNameJa: '加藤 裕子',
    displayNameEn: 'Yuko Kato',
    department: IT,
    roles: ['problem_manager'],
    locale: 'ja',
    managerEmail: 'admin@example.com',
    demoLoginFor: 'problem_manager',
  },
  {
    email: 'knowledge.manager@example.com',
    displayNameEn: 'Emily Clark',
    department: IT,
    roles: ['knowledge_manager'],
    locale: 'en',
    managerEmail: 'admin@example.com',
    demoLoginFor: 'knowledge_manager',
  },
  {
    email: 'asset.manager@example.com',
    displayNameJa: '山本 さくら',
    displayNameEn: 'Sakura Yamamoto',
    department: IT,
    roles: ['asset_manager'],
    locale: 'ja',
    managerEmail: 'admin@example.com',
    demoLoginFor: 'asset_manager',
  },
];

type Row = [email: string, ja: string, en: string, department: string, managerEmail?: string];

/** Department heads first, then their staff; everyone an employee. */
const EMPLOYEES: Row[] = [
  ['hanako.sato@example.com', '佐藤 花子', 'Hanako Sato', '経理部'],
  ['koji.inoue@example.com', '井上 浩二', 'Koji Inoue', '人事部'],
  ['takuya.kimura@example.com', '木村 拓也', 'Takuya Kimura', '営業部'],
  ['naoko.hayashi@example.com', '林 直子', 'Naoko Hayashi', '開発部'],
  ['seiji.shimizu@example.com', '清水 誠司', 'Seiji Shimizu', '総務部'],
  ['itsuki.endo@example.com', '遠藤 樹', 'Itsuki Endo', 'マーケティング部'],
  ['employee@example.com', '山田 太郎', 'Taro Yamada', '経理部', 'hanako.sato@example.com'],
  ['shota.yamaguchi@example.com', '山口 翔太', 'Shota Yamaguchi', '経理部', 'hanako.sato@example.com'],
  ['yui.mori@example.com', '森 結衣', 'Yui Mori', '経理部', 'hanako.sato@example.com'],
  ['kenta.fukuda@example.com', '福田 健太', 'Kenta Fukuda', '経理部', 'hanako.sato@example.com'],
  ['daiki.ikeda@example.com', '池田 大樹', 'Daiki Ikeda', '人事部', 'koji.inoue@example.com'],
  ['ai.hashimoto@example.com', '橋本 愛', 'Ai Hashimoto', '人事部', 'koji.inoue@example.com'],
  ['rin.sakamoto@example.com', '坂本 凛', 'Rin Sakamoto', '人事部', 'koji.inoue@example.com'],
  ['ren.abe@example.com', '阿部 蓮', 'Ren Abe', '営業部', 'takuya.kimura@example.com'],
  ['hina.ishikawa@example.com', '石川 陽菜', 'Hina Ishikawa', '営業部', 'takuya.kimura@example.com'],
  ['yuto.maeda@example.com', '前田 悠斗', 'Yuto Maeda', '営業部', 'takuya.kimura@example.com'],
  ['hayate.kondo@example.com', '近藤 颯', 'Hayate Kondo', '営業部', 'takuya.kimura@example.com'],
  ['aoi.fujita@example.com', '藤田 葵', 'Aoi Fujita', '開発部', 'naoko.hayashi@example.com'],
  ['riku.goto@example.com', '後藤 陸', 'Riku Goto', '開発部', 'naoko.hayashi@example.com'],
  ['nanami.okada@example.com', '岡田 七海', 'Nanami Okada', '開発部', 'naoko.hayashi@example.com'],
  ['minato.hasegawa@example.com', '長谷川 湊', 'Minato Hasegawa', '総務部', 'seiji.shimizu@example.com'],
  ['mao.murakami@example.com', '村上 真央', 'Mao Murakami', '総務部', 'seiji.shimizu@example.com'],
  ['mei.aoki@example.com', '青木 芽衣', 'Mei Aoki', 'マーケティング部', 'itsuki.endo@example.com'],
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ...IT_STAFF,
  ...EMPLOYEES.map(([email, ja, en, department, managerEmail]): DemoPerson => ({
    email,
    displayNameJa: ja,
    displayNameEn: en,
    department,
    roles: ['employee'],
    locale: 'ja',
    managerEmail,
    ...(email === 'employee@example.com' ? { demoLoginFor: 'employee' as const, phone: '+81-3-5555-0200' } : {}),
  })),
];

export const DEMO_GROUPS: readonly DemoGroup[] = [
  {
    name: 'Service Desk',
    nameJa: 'サービスデスク',
    description: 'First contact for every channel (portal, phone, e-mail, chat, walk-in); resolves what it can at once.',
    tier: 1,
    supervisorEmail: 'supervisor@example.com',
    memberEmails: ['agent@example.com', 'supervisor@example.com'],
  },
  {
    name: 'Desktop Support',
    nameJa: 'デスクトップサポート',
    description: 'PCs, printers, peripherals and standard software.',
    tier: 2,
    supervisorEmail: 'desktop.lead@example.com',
    memberEmails: ['desktop.lead@example.com', 'specialist@example.com'],
  },
  {
    name: 'Network',
    nameJa: 'ネットワーク',
    description: 'LAN, Wi-Fi, VPN and firewall.',
    tier: 2,
    supervisorEmail: 'network.lead@example.com',
    memberEmails: ['network.lead@example.com', 'specialist@example.com'],
  },
  {
    name: 'Identity & Access',
    nameJa: 'ID・アクセス管理',
    description: 'Accounts, passwords, MFA and access rights.',
    tier: 2,
    supervisorEmail: 'identity.lead@example.com',
    memberEmails: ['identity.lead@example.com'],
  },
  {
    name: 'Applications',
    nameJa: 'アプリケーション',
    description: 'Business applications: accounting, HR, CRM and the intranet.',
    tier: 2,
    supervisorEmail: 'applications.lead@example.com',
    memberEmails: ['applications.lead@example.com'],
  },
];
