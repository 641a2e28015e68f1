/**
 * The two Astro projects a benchmark builds: a copy of this site, and a bare Astro project over
 * the same Markdown files (the floor: what Astro itself costs for that many pages).
 *
 * Each lives in its own folder with a link to this repository's node_modules. The site is copied
 * rather than built in place because Astro writes generated modules to `<root>/.astro/` while it
 * builds, and other builds of this repository (tests, a developer's `npm run build`) would share
 * that folder; a copy is also a fixed snapshot of the sources for every run of one benchmark.
 */
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** An Astro project ready to build. */
export interface BuildProject {
  root: string;
  /** The config file, relative to the root (Astro joins `--config` to the root). */
  config: string;
  outDir: string;
  /** Folders to empty before each build, so every build starts cold as on a fresh clone. */
  caches: string[];
  /**
   * The script that builds it, relative to the root: the site's `npm run build` script, which
   * indexes for search after Astro exits; absent for a project built by `astro build` alone.
   */
  buildScript?: string;
}

/** Astro's cache folder inside a project, kept private so no other build reads or replaces it. */
const CACHE_DIR = '.bench-cache';

/** What the site needs to build: its sources, public files, config and build script. */
const SITE_ENTRIES = [
  'src',
  'public',
  'scripts/build.ts',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
];

async function linkNodeModules(repoRoot: string, root: string): Promise<void> {
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
}

/** Copies the site into `root` with a config that keeps Astro's cache inside the copy. */
export async function prepareSiteProject(repoRoot: string, root: string): Promise<BuildProject> {
  await mkdir(root, { recursive: true });
  for (const entry of SITE_ENTRIES) {
    await cp(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });
  }
  await linkNodeModules(repoRoot, root);
  await writeFile(
    path.join(root, 'astro.bench.mjs'),
    `import config from './astro.config.mjs';\n\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(`./${CACHE_DIR}`)} };\n`,
  );
  return {
    root,
    config: 'astro.bench.mjs',
    outDir: path.join(root, 'dist'),
    caches: [path.join(root, CACHE_DIR), path.join(root, '.astro')],
    buildScript: path.join('scripts', 'build.ts'),
  };
}

/** The files of the floor project: Astro with a glob loader and a one-line page per paper. */
export function floorProjectFiles(papersDir: string): { path: string; text: string }[] {
  return [
    {
      path: 'astro.config.mjs',
      // The site's output format and Markdown settings, so the floor renders the same pages the
      // same way; no integrations, no CSP, nothing else.
      text:
        `import { defineConfig } from 'astro/config';\n\n` +
        `export default defineConfig({\n` +
        `  build: { format: 'directory' },\n` +
        `  markdown: { syntaxHighlight: false },\n` +
        `  cacheDir: ${JSON.stringify(`./${CACHE_DIR}`)},\n` +
        `});\n`,
    },
    {
      path: 'src/content.config.ts',
      // looseObject is Zod 4's `z.object({}).passthrough()`: fields are kept, none is checked.
      text:
        `import { defineCollection } from 'astro:content';\n` +
        `import { glob } from 'astro/loaders';\n` +
        `import { z } from 'astro/zod';\n\n` +
        `export const collections = {\n` +
        `  papers: defineCollection({\n` +
        `    loader: glob({ pattern: '*.md', base: ${JSON.stringify(papersDir)} }),\n` +
        `    schema: z.looseObject({}),\n` +
        `  }),\n` +
        `};\n`,
    },
    {
      path: 'src/pages/papers/[slug].astro',
      text:
        `---\n` +
        `import { getCollection, render } from 'astro:content';\n\n` +
        `export async function getStaticPaths() {\n` +
        `  const papers = await getCollection('papers');\n` +
        `  return papers.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n` +
        `}\n\n` +
        `const { entry } = Astro.props;\n` +
        `const { Content } = await render(entry);\n` +
        `---\n` +
        `<html lang="en"><head><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>\n`,
    },
  ];
}

/** Writes the floor project into `root` over the Markdown files in `papersDir`. */
export async function prepareFloorProject(
  repoRoot: string,
  root: string,
  papersDir: string,
): Promise<BuildProject> {
  for (const file of floorProjectFiles(papersDir)) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  await linkNodeModules(repoRoot, root);
  return {
    root,
    config: 'astro.config.mjs',
    outDir: path.join(root, 'dist'),
    caches: [path.join(root, CACHE_DIR), path.join(root, '.astro')],
  };
}

/** Empties a project's output and caches before a cold build. */
export async function cleanProject(project: BuildProject): Promise<void> {
  for (const dir of [project.outDir, ...project.caches]) {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The command line that builds a project, run with the Node running the benchmark: its build
 * script (which passes its Node options on to `astro build`) or else `astro build` itself.
 */
export function buildCommandArgs(
  repoRoot: string,
  project: BuildProject,
  nodeOptions: readonly string[] = [],
): string[] {
  return [
    ...nodeOptions,
    ...(project.buildScript === undefined
      ? [path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']
      : [path.join(project.root, project.buildScript)]),
    '--root',
    project.root,
    '--config',
    project.config,
    '--outDir',
    project.outDir,
  ];
}
