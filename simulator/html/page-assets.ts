// The HTML report's own style and script, inlined into the page beside Chart.js.

export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4b5563; --line: #d8dde3; --good: #2e7d32; --bad: #c62828; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
header { padding: 20px 28px 4px; }
h1 { margin: 0 0 2px; font-size: 1.5rem; }
header p { margin: 0; color: var(--muted); }
main { padding: 12px 28px 28px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 0 0 18px; }
.kpi { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.kpi-good { border-left-color: var(--good); }
.kpi-bad { border-left-color: var(--bad); background: #fdf0f0; }
.kpi dt { font-size: .8rem; color: var(--muted); }
.kpi dd { margin: 2px 0 0; white-space: nowrap; font-size: 1.45rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; align-items: start; }
.chart { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; min-width: 0; }
.chart h2 { margin: 0 0 8px; font-size: 1.05rem; }
.canvas-box { position: relative; width: 100%; }
details { margin-top: 8px; }
summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; margin-top: 6px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); }
table.cost { width: 100%; }
.note { color: var(--muted); margin: 6px 0 0; }
`;

// Builds each chart from its JSON spec; a timeline's axis and tooltips are milliseconds, shown as UTC dates.
export const PAGE_SCRIPT = `
(() => {
  const specs = JSON.parse(document.getElementById('chart-specs').textContent);
  const utc = { timeZone: 'UTC', month: 'short', day: 'numeric' };
  const day = (ms) => new Date(ms).toLocaleDateString('en-US', utc);
  const when = (ms) => new Date(ms).toLocaleString('en-US', { ...utc, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const spec of specs) {
    const options = spec.config.options;
    if (spec.timeline) {
      options.scales.x.ticks.callback = (value) => day(value);
      options.plugins.tooltip = {
        callbacks: { label: (c) => c.dataset.label + ': ' + when(c.raw.x[0]) + ' to ' + when(c.raw.x[1]) + ' UTC' },
      };
    }
    new Chart(document.getElementById(spec.id), spec.config);
  }
  document.body.dataset.charts = String(specs.length);
})();
`;
