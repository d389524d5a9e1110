/**
 * The timeline webview's HTML: an empty shell with a strict Content-Security-Policy. The script and
 * styles are files from the extension's media folder; the script runs only by a fresh nonce. No document
 * text is ever part of this HTML: it reaches the webview as data in messages and the DOM as text.
 */

export interface WebviewHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh nonce (`createNonce()`), new for every HTML built. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
}

/** 128 random bits from the platform's cryptographic generator, as 32 hex digits. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The policy: nothing by default; the nonce'd script; styles and fonts from the extension's resources only. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    "img-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function buildWebviewHtml(options: WebviewHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(options.nonce)) throw new Error('the nonce must be at least 16 base64 or hex characters');
  // VS Code's source list, e.g. `'self' https://*.vscode-cdn.net`: it must not end the directive.
  if (/[;,\r\n]/.test(options.cspSource)) throw new Error('unexpected characters in the webview CSP source');
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(options.codiconUri)}">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>Timeline</title>
</head>
<body>
<main id="app" aria-live="polite" aria-busy="true"></main>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}
