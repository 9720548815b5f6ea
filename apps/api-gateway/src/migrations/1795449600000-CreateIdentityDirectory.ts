import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, groups and memberships: the identity bounded context. */
export class CreateIdentityDirectory1795449600000 implements MigrationInterface {
  name = 'CreateIdentityDirectory1795449600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        display_name_ja text CHECK (length(display_name_ja) BETWEEN 1 AND 200),
        display_name_en text CHECK (length(display_name_en) BETWEEN 1 AND 200),
        department text,
        manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
        phone text,
        locale text NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en')),
        time_zone text NOT NULL DEFAULT 'Asia/Tokyo',
        roles text[] NOT NULL CHECK (cardinality(roles) >= 1),
        active boolean NOT NULL DEFAULT true,
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_name_in_a_language CHECK (display_name_ja IS NOT NULL OR display_name_en IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_display_name_idx ON users (display_name, id)`);
    await q.query(`CREATE INDEX users_department_idx ON users (department)`);
    await q.query(`CREATE INDEX users_manager_idx ON users (manager_id)`);
    await q.query(`CREATE INDEX users_roles_idx ON users USING gin (roles)`);

    await q.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        name_ja text CHECK (length(name_ja) BETWEEN 1 AND 100),
        description text,
        tier smallint NOT NULL CHECK (tier IN (1, 2)),
        supervisor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX groups_name_lower_key ON groups (lower(name))`);
    await q.query(`CREATE INDEX groups_name_idx ON groups (name, id)`);

    await q.query(`
      CREATE TABLE group_members (
        group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      )`);
    await q.query(`CREATE INDEX group_members_user_idx ON group_members (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE group_members`);
    await q.query(`DROP TABLE groups`);
    await q.query(`DROP TABLE users`);
  }
}
