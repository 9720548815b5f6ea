/** A routing rule of the seed; the group is named (the demo directory's names) so it works before identity events arrive. */
export interface DefaultRoutingRule {
  name: string;
  order: number;
  categories?: string[];
  keywords?: string[];
  assignmentGroupName: string;
}

/**
 * The rules seeded into an empty table (SEED_REFERENCE_DATA): keyword rules first, then one rule per
 * category, so the words of the problem win over a category picked in a hurry. Group names are those of
 * apps/api-gateway/src/seed/demo-directory.ts.
 */
export const DEFAULT_ROUTING_RULES: readonly DefaultRoutingRule[] = [
  {
    name: 'Password, sign-in and MFA → Identity & Access',
    order: 100,
    // login does not match "log in"/"log-in" (keyword-matcher.ts), so the spellings are listed.
    keywords: ['パスワード', 'password', 'ログイン', 'login', 'log in', 'sign in', 'MFA', '多要素'],
    assignmentGroupName: 'Identity & Access',
  },
  {
    name: 'VPN, Wi-Fi and network → Network',
    order: 200,
    keywords: ['VPN', 'Wi-Fi', 'WiFi', '無線', 'ネットワーク', 'network'],
    assignmentGroupName: 'Network',
  },
  {
    name: "PC won't start, printers → Desktop Support",
    order: 300,
    keywords: ["PC won't start", '起動しない', '電源が入らない', 'printer', 'プリンター', 'プリンタ'],
    assignmentGroupName: 'Desktop Support',
  },
  { name: 'Category network → Network', order: 1000, categories: ['network'], assignmentGroupName: 'Network' },
  {
    name: 'Category account → Identity & Access',
    order: 1100,
    categories: ['account'],
    assignmentGroupName: 'Identity & Access',
  },
  { name: 'Category hardware → Desktop Support', order: 1200, categories: ['hardware'], assignmentGroupName: 'Desktop Support' },
];
