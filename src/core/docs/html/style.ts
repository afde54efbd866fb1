// The site's one stylesheet. Colours keep text at 4.5:1 or more against its background
// (WCAG AA), focus is always visible, and tables scroll inside their own box.

import { PICTURE_CSS } from "../render-picture-svg.js";

export const SITE_CSS = `:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
a{color:#0b57d0}a:visited{color:#6a1b9a}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}.skip:focus{left:.5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:.6rem 1.2rem;background:#f3f4f6;border-bottom:1px solid #d1d5db}
header nav a{margin-right:1rem;font-weight:600}header nav a[aria-current=page]{color:#1b1b1b;text-decoration:none}
header input{padding:.3rem .5rem;border:1px solid #6b7280;border-radius:4px;min-width:16rem}
header button,.search button{padding:.3rem .7rem;border:1px solid #374151;border-radius:4px;background:#fff;color:#1b1b1b}
main{max-width:1100px;margin:0 auto;padding:1rem 1.2rem 3rem}
footer{max-width:1100px;margin:0 auto;padding:1rem 1.2rem;color:#4b5563;border-top:1px solid #e5e7eb;font-size:.9rem}
h1{font-size:1.6rem;margin:.6rem 0;overflow-wrap:anywhere}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #e5e7eb}h3{font-size:1.05rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:600;color:#374151}dl.facts dd{margin:0;overflow-wrap:anywhere}
.table-box{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .45rem;text-align:left;vertical-align:top}td{overflow-wrap:break-word}th{background:#f9fafb}
.breaking{color:#9f1239;font-weight:600}.at-risk{color:#92400e;font-weight:600}
.badge{display:inline-block;padding:0 .45rem;border-radius:4px;font-size:.85rem;font-weight:600;border:1px solid currentColor}
.risk-high{color:#9f1239}.risk-medium{color:#92400e}.risk-low{color:#1e40af}.risk-none{color:#166534}
.callout{border-left:4px solid #9f1239;background:#fff1f2;padding:.6rem 1rem;margin:1rem 0}
.note{color:#4b5563}.exports{font-size:.9rem}
figure.picture{margin:1rem 0;padding:.5rem;border:1px solid #e5e7eb;border-radius:6px;overflow-x:auto}figure.picture svg{max-width:100%;height:auto}
ul.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem}
ul.cards li{border:1px solid #e5e7eb;border-radius:6px;padding:.5rem .7rem}
.search input{font-size:1.05rem;padding:.4rem .6rem;width:100%;max-width:40rem;border:1px solid #6b7280;border-radius:4px}
ol.results{padding-left:1.2rem}ol.results li{margin:.35rem 0}
${PICTURE_CSS}
`;
