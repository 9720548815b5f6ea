// Every project's unit tests (`*.spec.ts` beside the code): no PostgreSQL, no Kafka.
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['apps', 'libs', 'tools']
  .flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []))
  .filter((dir) => existsSync(join(dir, 'jest.config.js')))
  .map((dir) => `<rootDir>/${dir}/jest.config.js`);

module.exports = { projects };
