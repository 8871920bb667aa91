// The installer's configuration, read as electron-builder reads it: hardened Electron fuses, and the
// maintainer and copyright from package.json alone.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagingMetadataProblems } from './packageMetadata.mjs';

const require = createRequire(import.meta.url);
// electron-builder's own YAML reader, so the test sees what the packager sees.
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('flips the fuses that close the ways into a packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses this electron-builder knows (a misspelt one would be ignored silently)', () => {
    expect(schema.properties.electronFuses.anyOf.some((option: { $ref?: string }) => option.$ref === '#/definitions/FuseOptionsV1')).toBe(true);
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses).filter((fuse) => !known.includes(fuse))).toEqual([]);
  });

  it('keeps the asar archive (the fuses check it) with the native module unpacked beside it', () => {
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('leaves the development Electron binding out of the installer, which rebuilds its own', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.files).toContain('!out/native/**');
  });

  it('writes no maintainer, vendor or copyright of its own: they come from package.json', () => {
    expect(config.copyright).toBeUndefined();
    expect(config.linux.maintainer).toBeUndefined();
    expect(config.linux.vendor).toBeUndefined();
    expect(config.deb?.maintainer).toBeUndefined();
    expect(pkg.author.name).toBeTruthy();
  });

  it('checks the package metadata before every `npm run dist`', () => {
    expect(pkg.scripts.dist).toMatch(/^node electron\/tooling\/checkPackaging\.mjs && /);
  });
});

describe('packagingMetadataProblems', () => {
  const good = { author: { name: '县级财政局预算绩效管理', email: 'jixiao@mof-xj.cn' }, homepage: 'https://czj.example-county.cn/' };

  it('accepts an author with a real address and a homepage', () => {
    expect(packagingMetadataProblems(good)).toEqual([]);
  });

  it.each([
    ['an example domain', 'maintainers@example.com'],
    ['a reserved top-level domain', 'a@seed.example'],
    ['a no-reply mailbox', 'maintainers@users.noreply.github.com'],
    ['a .invalid address', 'jixiao@caizheng.invalid'],
  ])('refuses %s', (_case, email) => {
    const problems = packagingMetadataProblems({ ...good, author: { ...good.author, email } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(email);
  });

  it('names each missing field in Chinese', () => {
    expect(packagingMetadataProblems({})).toEqual([
      expect.stringContaining('author.name'),
      expect.stringContaining('author.email'),
      expect.stringContaining('homepage'),
    ]);
  });
});
