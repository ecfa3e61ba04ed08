extension PublicPage {
    /// `app.css`: readable on a phone and on the large screens outside the test site.
    static let style = #"""
        :root { --ink: #1b2330; --muted: #5b6575; --line: #d8dde5; --pass: #146c2e; --fail: #a3271f; --accent: #0b4f8a;
                font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
        body { margin: 0; line-height: 1.45; }
        header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
        header { border-bottom: 4px solid var(--accent); }
        h1 { margin: 0.2rem 0; font-size: 1.6rem; }
        h2 { font-size: 1.25rem; margin-top: 0; }
        h2 small, label small { color: var(--muted); font-weight: normal; font-size: 0.8em; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
        .controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: end; margin-bottom: 0.75rem; }
        label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--muted); gap: 0.2rem; }
        select, input, button { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 4px; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        .badge { padding: 0.2rem 0.6rem; border-radius: 999px; background: #eef1f5; font-size: 0.85rem; }
        .badge[data-state="live"] { background: #dff3e4; color: var(--pass); }
        .badge[data-state="retrying"] { background: #fdecea; color: var(--fail); }
        .table-wrap { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); white-space: nowrap; }
        td.number { text-align: right; }
        td.total { font-weight: bold; }
        td.pass, li.pass { color: var(--pass); }
        td.fail, li.fail { color: var(--fail); }
        tr.fresh { animation: fresh 3s ease-out; }
        @keyframes fresh { from { background: #fff4c2; } to { background: transparent; } }
        .muted { color: var(--muted); }
        .note { color: var(--fail); font-size: 0.9rem; }
        #announcement-list { list-style: none; padding: 0; }
        #announcement-list li { padding: 0.6rem 0; border-bottom: 1px solid var(--line); }
        #announcement-list button { margin-top: 0.3rem; font-size: 0.85rem; }
        #check-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
        #record-id { min-width: 22rem; max-width: 100%; font-family: ui-monospace, monospace; }
        #check-steps { padding-left: 1.2rem; }
        #check-result { font-weight: bold; }
        #check-result[data-outcome="ok"] { color: var(--pass); }
        #check-result[data-outcome="fail"], #check-result[data-outcome="unavailable"] { color: var(--fail); }
        pre { background: #f0f2f5; padding: 0.75rem; overflow-x: auto; border-radius: 4px; }
        @media (min-width: 110rem) { body { font-size: 1.25rem; } }

        """#
}
