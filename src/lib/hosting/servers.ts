/**
 * Server configurations for nginx, Caddy and Apache, written from the rules in `rules.ts` for one
 * base path. `npm run deploy-config` writes them into `deploy/`; tests start nginx and Caddy with
 * the files written there.
 */
import {
  CONTENT_TYPES,
  HASHED_PATH,
  IMMUTABLE,
  REVALIDATE,
  securityHeaders,
  TEXT_TYPES,
} from './rules.ts';

export interface ServerOptions {
  /** The base path the site was built for (`BASE_PATH`), with slashes: `/` or `/reading-list/`. */
  base: string;
  /** The Content-Security-Policy header, from `headerCsp`. */
  csp: string;
}

/**
 * The folder the configurations serve from, as shipped: the built `dist/` is copied here, or into
 * `<DOCUMENT_ROOT><base>` under a sub-path. Tests replace this line to serve their own build.
 */
export const DOCUMENT_ROOT = '/var/www/html';

/** The host name the configurations answer for, as shipped. */
export const SERVER_NAME = 'example.org';

/** A regular expression matching the paths of hashed files under `base`. */
function hashedRegex(base: string): string {
  return `^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${HASHED_PATH}`;
}

/** `"value"` with any `"` and `\` escaped, as nginx, Caddy and Apache read quoted strings. */
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Where a sub-path site's files go, said the same way in every configuration. */
function installNote(base: string, comment: string): string {
  const where = base === '/' ? DOCUMENT_ROOT : `${DOCUMENT_ROOT}${base.slice(0, -1)}`;
  return (
    `${comment} Copy dist/ (built with BASE_PATH=${base}) to ${where}/,\n` +
    `${comment} and change ${SERVER_NAME} to the site's host name.`
  );
}

const GENERATED =
  'Written by `npm run deploy-config` from src/lib/hosting/rules.ts; change the rules there.';

/**
 * What nginx's own mime.types already says for some extensions: naming them again would only make
 * nginx warn of a duplicate extension at every start.
 */
const NGINX_TYPES: Readonly<Record<string, string>> = { json: 'application/json', xml: 'text/xml' };

/** An nginx `server` block for /etc/nginx/sites-available/ (or conf.d/). */
export function nginxConfig({ base, csp }: ServerOptions): string {
  const headers = (cache: string): string =>
    [['Cache-Control', cache] as const, ...securityHeaders(csp)]
      .map(([name, value]) => `        add_header ${name} ${quote(value)} always;\n`)
      .join('');
  const types = CONTENT_TYPES.filter(([extension, type]) => NGINX_TYPES[extension] !== type)
    .map(([extension, type]) => `        ${type} ${extension};\n`)
    .join('');
  const textTypes = TEXT_TYPES.filter((type) => type !== 'text/html').join(' ');
  return `# nginx: the reading list at http://${SERVER_NAME}${base}
# ${GENERATED}
${installNote(base, '#')}
server {
    listen 80;
    server_name ${SERVER_NAME};
    root ${DOCUMENT_ROOT};

    # Redirects (a folder without its trailing slash) keep the address the reader used, behind a
    # proxy or on another port.
    absolute_redirect off;

    # nginx's own types, then the ones it gets wrong for this site.
    include mime.types;
    types {
${types}    }
    charset utf-8;
    charset_types ${textTypes};

    gzip on;
    gzip_vary on;
    gzip_comp_level 6;
    gzip_min_length 256;
    gzip_types ${textTypes};

    # The site's own 404 page, with status 404; it lives under the base path.
    error_page 404 ${base}404.html;

    location ${base} {
        try_files $uri $uri/ =404;
${headers(REVALIDATE)}    }

    # Hashed files change name when they change, so browsers may keep them for a year.
    location ~ ${hashedRegex(base)} {
${headers(IMMUTABLE)}    }
}
`;
}

/** A Caddyfile site block. */
export function caddyConfig({ base, csp }: ServerOptions): string {
  const scope = `${base}*`;
  const security = securityHeaders(csp)
    .map(([name, value]) => `\t\t${name} ${quote(value)}\n`)
    .join('');
  const types = CONTENT_TYPES.map(([extension, type]) => {
    const charset = TEXT_TYPES.includes(type) ? '; charset=utf-8' : '';
    return (
      `\t@type_${extension} path *.${extension}\n` +
      `\theader @type_${extension} Content-Type ${quote(type + charset)}\n`
    );
  }).join('');
  return `# Caddy: the reading list at https://${SERVER_NAME}${base}
# ${GENERATED}
${installNote(base, '#')}
${SERVER_NAME} {
\troot * ${DOCUMENT_ROOT}
\t# Caddy's own list of types to compress leaves out BibTeX.
\tencode zstd gzip {
\t\tmatch {
${TEXT_TYPES.map((type) => `\t\t\theader Content-Type ${type}*\n`).join('')}\t\t}
\t}

\theader ${scope} {
${security}\t}

\t# Hashed files change name when they change, so browsers may keep them for a year.
\t@hashed path_regexp ${hashedRegex(base)}
\theader @hashed Cache-Control ${quote(IMMUTABLE)}
\t@revalidated {
\t\tpath ${scope}
\t\tnot path_regexp ${hashedRegex(base)}
\t}
\theader @revalidated Cache-Control ${quote(REVALIDATE)}

\t# Caddy's own types, except where it sends none or the wrong one.
${types}
\tfile_server

\t# The site's own 404 page, with status 404; it lives under the base path.
\thandle_errors {
\t\t@notFound expression {err.status_code} == 404
\t\thandle @notFound {
\t\t\t# Replaces a type set above for the missing file's extension (a missing .json).
\t\t\theader Content-Type "text/html; charset=utf-8"
\t\t\trewrite * ${base}404.html
\t\t\tfile_server
\t\t}
\t}
}
`;
}

/** An Apache `.htaccess` for the site's folder (needs `AllowOverride All`). */
export function apacheConfig({ base, csp }: ServerOptions): string {
  const types = CONTENT_TYPES.map(([extension, type]) => `AddType ${type} .${extension}\n`).join(
    '',
  );
  const security = securityHeaders(csp)
    .map(([name, value]) => `  Header always set ${name} ${quote(value)}\n`)
    .join('');
  const textExtensions = ['html', 'css', 'js', 'json', 'webmanifest', 'bib', 'csv', 'xml', 'txt'];
  return `# Apache: the reading list at https://${SERVER_NAME}${base}, as .htaccess in the site's folder
# ${GENERATED}
${installNote(base, '#')}
# Save this file there as .htaccess; the folder needs AllowOverride FileInfo Indexes (or All), and
# Apache's modules headers, deflate and mime.

# The site's own 404 page, with status 404; it lives under the base path.
ErrorDocument 404 ${base}404.html
DirectoryIndex index.html

# Apache's own types, then the ones it lacks or gets wrong for this site.
${types}AddCharset utf-8 ${textExtensions.map((extension) => `.${extension}`).join(' ')}

<IfModule mod_deflate.c>
  AddOutputFilterByType DEFLATE ${TEXT_TYPES.join(' ')}
</IfModule>

<IfModule mod_headers.c>
${security}  Header always set Cache-Control ${quote(REVALIDATE)}
  # Hashed files change name when they change, so browsers may keep them for a year.
  <If "%{REQUEST_URI} =~ m#${hashedRegex(base)}#">
    Header always set Cache-Control ${quote(IMMUTABLE)}
  </If>
</IfModule>
`;
}

/** The sub-path the shipped `deploy/sub-path/` configurations are written for. */
export const SHIPPED_SUB_PATH = '/reading-list/';

/** The three configurations for one base path, by file name. */
export function serverConfigs(options: ServerOptions): [file: string, text: string][] {
  return [
    ['nginx.conf', nginxConfig(options)],
    ['Caddyfile', caddyConfig(options)],
    ['apache.htaccess', apacheConfig(options)],
  ];
}

/**
 * The files of `deploy/`, by path inside it: the configurations for the root and, in `sub-path/`,
 * for `SHIPPED_SUB_PATH`.
 */
export function deployFiles(csp: string): [file: string, text: string][] {
  return [
    ...serverConfigs({ base: '/', csp }),
    ...serverConfigs({ base: SHIPPED_SUB_PATH, csp }).map(([file, text]): [string, string] => [
      `sub-path/${file}`,
      text,
    ]),
  ];
}
