import { minorUnitExponent } from '@app/multisafepay';

export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function money(amount: number, currency: string): string {
  const value = amount / 10 ** minorUnitExponent(currency);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(value);
  } catch {
    return `${currency} ${value.toFixed(minorUnitExponent(currency))}`;
  }
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f5f8;color:#1b1f24}
main{max-width:28rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:1.25rem;margin-top:1rem}
h1{font-size:1.25rem;margin:0 0 .25rem}p{margin:.25rem 0 .75rem}.amount{font-size:1.75rem;font-weight:700}
.muted{color:#57606a;font-size:.9rem}label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;font-size:1rem;padding:.65rem;border:1px solid #8c959f;border-radius:8px}
input:focus,button:focus,a:focus{outline:3px solid #0969da;outline-offset:2px}
.row{display:flex;gap:.75rem}.row>div{flex:1}
button,.button{display:block;width:100%;margin-top:1rem;padding:.8rem;font-size:1rem;font-weight:600;border:0;border-radius:8px;background:#0a3d91;color:#fff;cursor:pointer;text-align:center;text-decoration:none}
button.secondary{background:#fff;color:#0a3d91;border:2px solid #0a3d91}
.error{background:#ffebe9;border:1px solid #cf222e;color:#82071e;padding:.75rem;border-radius:8px}
.ok{background:#dafbe1;border:1px solid #1a7f37;color:#0f5323;padding:.75rem;border-radius:8px}
ul.methods{list-style:none;padding:0;margin:0}ul.methods li{margin:.5rem 0}
header{font-weight:700;color:#0a3d91}`;

/** A whole page: plain server-rendered HTML, no external assets, readable on a phone. */
export function page(title: string, body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${esc(lang.slice(0, 2))}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – MultiSafepay sandbox</title><style>${STYLE}</style></head>
<body><main><header>MultiSafepay sandbox</header>${body}</main></body></html>`;
}
