/// The page's markup: three sections, filled in by `app.js` from the public API. Indonesian first (the audience is
/// the Kupang public), with English where a term needs it.
enum PublicPage {
    static func html(scriptVersion: String, styleVersion: String) -> String {
        #"""
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Seleksi ASN — Informasi Publik</title>
        <link rel="stylesheet" href="/assets/app.css?v=\#(styleVersion)">
        <script src="/assets/app.js?v=\#(scriptVersion)" defer></script>
        </head>
        <body>
        <header>
          <h1>Seleksi ASN — Informasi Publik</h1>
          <p>Skor SKD langsung dari lokasi tes, pengumuman resmi, dan pemeriksaan setiap catatan terhadap log
          transparansi. <span lang="en">Live SKD scores, official announcements and a transparency-log check.</span></p>
        </header>
        <main>
          <section id="scoreboard" aria-labelledby="scoreboard-title">
            <h2 id="scoreboard-title">Papan skor SKD langsung <small lang="en">live scoreboard</small></h2>
            <div class="controls">
              <label>Sesi
                <select id="session-select"><option value="">Semua sesi</option></select>
              </label>
              <label>Lokasi tes
                <select id="site-select"><option value="">Semua lokasi</option></select>
              </label>
              <span id="stream-status" class="badge" role="status" data-state="connecting">Menghubungkan…</span>
            </div>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr><th>No. peserta</th><th>Jenis formasi</th><th>TWK</th><th>TIU</th><th>TKP</th><th>Total</th>
                  <th>Ambang batas</th><th>Dicatat</th></tr>
                </thead>
                <tbody id="score-rows"></tbody>
              </table>
            </div>
            <p id="score-empty" class="muted">Belum ada hasil untuk pilihan ini. Hasil baru muncul di sini begitu
            dicatat.</p>
          </section>

          <section id="announcements" aria-labelledby="announcements-title">
            <h2 id="announcements-title">Pengumuman resmi <small lang="en">announcements</small></h2>
            <p id="announcement-status" class="muted" role="status" data-state="loading">Memuat pengumuman…</p>
            <ul id="announcement-list"></ul>
          </section>

          <section id="log-check" aria-labelledby="log-check-title">
            <h2 id="log-check-title">Periksa catatan terhadap log <small lang="en">verify a record</small></h2>
            <p>Setiap pengumuman dan baris hasil adalah daun log Merkle yang hanya bisa ditambah. Peramban Anda
            menghitung ulang komitmen catatan, bukti inklusi, dan tanda tangan checkpoint sendiri.</p>
            <form id="check-form" autocomplete="off">
              <label for="record-id">ID catatan <small lang="en">record id</small></label>
              <input id="record-id" name="recordId" required maxlength="100" spellcheck="false">
              <button type="submit">Periksa</button>
            </form>
            <ol id="check-steps"></ol>
            <p id="check-result" role="status" data-outcome="none"></p>
            <pre id="check-record" hidden></pre>
          </section>
        </main>
        <footer>
          <p>Data publik tanpa data pribadi. Pemeriksaan luring (offline): <code>asn-log-verify</code>.</p>
        </footer>
        </body>
        </html>

        """#
    }
}
